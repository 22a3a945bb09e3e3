//! What the cluster keeps in Redis, one function per operation, each bounded by [`TIMEOUT`]:
//!
//! - `sfu:node:{id}`: the node's [`NodeRecord`] as JSON, written every second with a 3 s expiry
//!   (a node that stops writing, killed or cut off, is gone from the registry 3 s later).
//! - `sfu:room:{name}`: the id of the room's home node, set with `SET NX` (the first node to
//!   claim a room is its home; two nodes never both are) and a 3 s lease that the home renews
//!   every second while it has the room, and deletes when the room closes. Renewal and deletion
//!   are compare-and-set scripts: a node never renews or deletes another node's claim.
//! - `sfu:ban:["{room}","{uid}"]`: a moderator's ban of a user from a room, the end of the ban
//!   (Unix seconds) as its value, expiring then: a node reads them all when it (re)subscribes to
//!   the bus, so a node that starts or reconnects after a ban holds it too.
//! - `sfu:events`: the channel of the rooms' events ([`super::wire::BusMessage`]).

use std::time::Duration;

use redis::aio::ConnectionManager;

use super::wire::NodeRecord;

/// The longest any one Redis operation may take before the cluster counts Redis unreachable.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(2);
/// A node record's and a room claim's time to live.
pub(crate) const TTL: Duration = Duration::from_secs(3);
/// The channel every node publishes its rooms' events on and listens to.
pub(crate) const CHANNEL: &str = "sfu:events";

/// Renews the holder's claim; claims a room no node holds (Redis restarted empty, or the claim
/// expired while Redis was out of reach) back for it.
const RENEW: &str = "local v = redis.call('GET', KEYS[1]) \
    if v == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) \
    elseif not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 \
    else return 0 end";
const RELEASE: &str =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Redis: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("Redis did not answer within {TIMEOUT:?}")]
    Timeout,
    #[error("Redis holds a bad record under {key}: {message}")]
    BadRecord { key: String, message: String },
}

async fn run<T: redis::FromRedisValue>(conn: &ConnectionManager, cmd: &redis::Cmd) -> Result<T, StoreError> {
    let mut conn = conn.clone();
    match tokio::time::timeout(TIMEOUT, cmd.query_async::<T>(&mut conn)).await {
        Ok(r) => Ok(r?),
        Err(_) => Err(StoreError::Timeout),
    }
}

fn node_key(id: &str) -> String {
    format!("sfu:node:{id}")
}

fn room_key(room: &str) -> String {
    format!("sfu:room:{room}")
}

fn ttl_ms() -> u64 {
    TTL.as_millis() as u64
}

/// Writes this node's record (expiring after [`TTL`]).
pub(crate) async fn write_node(conn: &ConnectionManager, record: &NodeRecord) -> Result<(), StoreError> {
    let json = serde_json::to_string(record).expect("a node record serializes");
    let mut cmd = redis::cmd("SET");
    cmd.arg(node_key(&record.id)).arg(json).arg("PX").arg(ttl_ms());
    run::<()>(conn, &cmd).await
}

/// Removes this node's record (a clean stop: the others need not wait for the expiry).
pub(crate) async fn remove_node(conn: &ConnectionManager, id: &str) -> Result<(), StoreError> {
    let mut cmd = redis::cmd("DEL");
    cmd.arg(node_key(id));
    run::<()>(conn, &cmd).await
}

/// Every live node's record.
pub(crate) async fn list_nodes(conn: &ConnectionManager) -> Result<Vec<NodeRecord>, StoreError> {
    let mut nodes = Vec::new();
    for (key, value) in scan_values(conn, "sfu:node:*").await? {
        let record = serde_json::from_str(&value).map_err(|e| StoreError::BadRecord {
            key,
            message: e.to_string(),
        })?;
        nodes.push(record);
    }
    Ok(nodes)
}

/// Claims the room's home for `node` unless a node holds it; returns the holder (maybe `node`).
pub(crate) async fn claim_room(conn: &ConnectionManager, room: &str, node: &str) -> Result<String, StoreError> {
    let mut set = redis::cmd("SET");
    set.arg(room_key(room)).arg(node).arg("NX").arg("PX").arg(ttl_ms());
    let claimed: Option<String> = run(conn, &set).await?;
    if claimed.is_some() {
        return Ok(node.to_string());
    }
    let mut get = redis::cmd("GET");
    get.arg(room_key(room));
    match run::<Option<String>>(conn, &get).await? {
        Some(holder) => Ok(holder),
        // Expired between the two: try once more.
        None => {
            let claimed: Option<String> = run(conn, &set).await?;
            let mut get = redis::cmd("GET");
            get.arg(room_key(room));
            Ok(if claimed.is_some() {
                node.to_string()
            } else {
                run::<Option<String>>(conn, &get).await?.unwrap_or_default()
            })
        }
    }
}

/// The node holding the room's claim, if any.
pub(crate) async fn room_holder(conn: &ConnectionManager, room: &str) -> Result<Option<String>, StoreError> {
    let mut cmd = redis::cmd("GET");
    cmd.arg(room_key(room));
    run(conn, &cmd).await
}

/// Renews `node`'s claim on the room (claiming it again if no node holds it); false when
/// another node holds it.
pub(crate) async fn renew_room(conn: &ConnectionManager, room: &str, node: &str) -> Result<bool, StoreError> {
    let mut cmd = redis::cmd("EVAL");
    cmd.arg(RENEW).arg(1).arg(room_key(room)).arg(node).arg(ttl_ms());
    Ok(run::<i64>(conn, &cmd).await? == 1)
}

/// Deletes `holder`'s claim on the room (its room closed, or the holder is dead).
pub(crate) async fn release_room(conn: &ConnectionManager, room: &str, holder: &str) -> Result<bool, StoreError> {
    let mut cmd = redis::cmd("EVAL");
    cmd.arg(RELEASE).arg(1).arg(room_key(room)).arg(holder);
    Ok(run::<i64>(conn, &cmd).await? == 1)
}

/// Publishes one message on the cluster's channel.
pub(crate) async fn publish(conn: &ConnectionManager, text: &str) -> Result<(), StoreError> {
    let mut cmd = redis::cmd("PUBLISH");
    cmd.arg(CHANNEL).arg(text);
    run::<i64>(conn, &cmd).await.map(|_| ())
}

/// `(room, uid)` as JSON after the prefix: room names and uids may hold any character.
const BAN_PREFIX: &str = "sfu:ban:";

fn ban_key(room: &str, uid: &str) -> String {
    format!("{BAN_PREFIX}{}", serde_json::json!([room, uid]))
}

/// A ban of `uid` from `room` until `until_unix`, which Redis forgets `ttl` from now (its end).
pub(crate) async fn write_ban(
    conn: &ConnectionManager,
    room: &str,
    uid: &str,
    until_unix: u64,
    ttl: Duration,
) -> Result<(), StoreError> {
    let mut cmd = redis::cmd("SET");
    cmd.arg(ban_key(room, uid))
        .arg(until_unix)
        .arg("PX")
        .arg(ttl.as_millis().max(1) as u64);
    run::<()>(conn, &cmd).await
}

/// One ban in Redis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BanRecord {
    pub room: String,
    pub uid: String,
    pub until_unix: u64,
}

/// Every ban Redis holds (the expired ones are gone).
pub(crate) async fn list_bans(conn: &ConnectionManager) -> Result<Vec<BanRecord>, StoreError> {
    scan_values(conn, &format!("{BAN_PREFIX}*"))
        .await?
        .iter()
        .map(|(key, value)| parse_ban(key, value))
        .collect()
}

fn parse_ban(key: &str, value: &str) -> Result<BanRecord, StoreError> {
    let bad = |message: String| StoreError::BadRecord {
        key: key.to_string(),
        message,
    };
    let (room, uid): (String, String) =
        serde_json::from_str(&key[BAN_PREFIX.len()..]).map_err(|e| bad(format!("not [room, uid]: {e}")))?;
    let until_unix = value
        .parse()
        .map_err(|e| bad(format!("not a Unix time ({value:?}): {e}")))?;
    Ok(BanRecord { room, uid, until_unix })
}

/// Every key matching `pattern` with its value (`SCAN`, then one `MGET`), sorted by key; a key
/// that expired between the two is left out.
async fn scan_values(conn: &ConnectionManager, pattern: &str) -> Result<Vec<(String, String)>, StoreError> {
    let keys = scan(conn, pattern).await?;
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let mut cmd = redis::cmd("MGET");
    cmd.arg(&keys);
    let values: Vec<Option<String>> = run(conn, &cmd).await?;
    Ok(keys
        .into_iter()
        .zip(values)
        .filter_map(|(key, value)| Some((key, value?)))
        .collect())
}

/// Every key matching `pattern` (`SCAN`, sorted, without repeats).
async fn scan(conn: &ConnectionManager, pattern: &str) -> Result<Vec<String>, StoreError> {
    let mut keys: Vec<String> = Vec::new();
    let mut cursor: u64 = 0;
    loop {
        let mut cmd = redis::cmd("SCAN");
        cmd.arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(1000);
        let (next, batch): (u64, Vec<String>) = run(conn, &cmd).await?;
        keys.extend(batch);
        if next == 0 {
            break;
        }
        cursor = next;
    }
    keys.sort();
    keys.dedup();
    Ok(keys)
}

/// One node's record, if it is live.
pub(crate) async fn node(conn: &ConnectionManager, id: &str) -> Result<Option<NodeRecord>, StoreError> {
    let mut cmd = redis::cmd("GET");
    cmd.arg(node_key(id));
    let Some(value) = run::<Option<String>>(conn, &cmd).await? else {
        return Ok(None);
    };
    serde_json::from_str(&value)
        .map(Some)
        .map_err(|e| StoreError::BadRecord {
            key: node_key(id),
            message: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ban_key_holds_any_room_and_uid_and_reads_back() {
        let key = ban_key("room:with \"quotes\"", "uid:1");
        assert!(key.starts_with(BAN_PREFIX));
        let ban = parse_ban(&key, "1700000000").unwrap();
        assert_eq!(
            ban,
            BanRecord {
                room: "room:with \"quotes\"".into(),
                uid: "uid:1".into(),
                until_unix: 1_700_000_000,
            }
        );
        assert!(matches!(
            parse_ban("sfu:ban:nope", "1"),
            Err(StoreError::BadRecord { .. })
        ));
        assert!(matches!(parse_ban(&key, "soon"), Err(StoreError::BadRecord { .. })));
    }
}
