//! Moderation through the real path: the admin API's actions against a real server with real
//! peers (signaling clients, and synthetic broadcasters whose speech is recorded), what the
//! peers are told, what the buffer and the feeds do, and that every action needs the admin
//! token. The exported Ogg file is checked with a real decoder (`opusinfo`, from opus-tools),
//! the exported WebM file with `ffprobe` and `ffmpeg`.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use sfu::config::AuthMode;
use sfu::http_client::admin::{moderate, Moderation};
use sfu::http_client::{HttpClient, HttpError};
use sfu::synthetic::media::SpeechPattern;
use sfu::synthetic::run_broadcasters;
use sfu::ServerHandle;

const TOKEN: &str = "test-admin-token-moderation-0123";
const PROJECT: &str = "demo-sfu";

/// The tests with synthetic media take turns: their timing matters on a 2-core machine.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn config() -> sfu::Config {
    let mut c = test_config(1);
    c.admin.token = Some(TOKEN.to_string());
    c
}

/// Firebase auth trusting the Auth emulator's unsigned tokens (no emulator runs: an unsigned
/// token is checked without asking anyone), so the tests choose each peer's uid; sessions are
/// kept 30 s for `resume`.
fn auth_config() -> sfu::Config {
    let mut c = config();
    c.auth.mode = AuthMode::Firebase;
    c.auth.project_id = Some(PROJECT.into());
    c.auth.emulator_host = Some("127.0.0.1:9".into());
    c.limits.resume_grace_secs = 30;
    c
}

/// An unsigned emulator token for `uid` with `role`.
fn user_token(uid: &str, role: &str) -> String {
    common::emulator_token(PROJECT, uid, role)
}

fn http(server: &ServerHandle) -> HttpClient {
    HttpClient::new(server.tls_certificate_pem()).unwrap()
}

/// Does `action` with the admin token; the JSON answer.
async fn admin(server: &ServerHandle, action: Moderation) -> Result<Value, HttpError> {
    let body = moderate(&http(server), &server.http_url(), TOKEN, &action).await?;
    Ok(serde_json::from_slice(&body).unwrap_or(Value::Null))
}

fn status(e: &HttpError) -> u16 {
    match e {
        HttpError::Status { status, .. } => *status,
        other => panic!("not an HTTP status: {other}"),
    }
}

async fn join_as(server: &ServerHandle, room: &str, uid: &str, role: &str) -> (Client, Value) {
    let mut c = Client::connect(server).await;
    let joined = c
        .ok(
            "join",
            json!({"room": room, "role": role, "token": user_token(uid, role)}),
        )
        .await;
    (c, joined)
}

fn speech(talk_ms: u64, silence_ms: u64) -> SpeechPattern {
    SpeechPattern {
        talk: Duration::from_millis(talk_ms),
        silence: Duration::from_millis(silence_ms),
        variation: 0.0,
    }
}

/// The room's utterances as the admin dump lists them.
async fn utterances(server: &ServerHandle, room: &str) -> Vec<sfu::dump::UtteranceDump> {
    server
        .dump(Some(room))
        .await
        .rooms
        .into_iter()
        .flat_map(|r| r.utterances)
        .collect()
}

#[tokio::test]
async fn every_action_is_refused_without_the_admin_token_and_with_a_non_admin_token() {
    let server = start(auth_config()).await;
    let http = http(&server);
    let base = server.http_url();
    let actions = [
        Moderation::Kick {
            room: "r".into(),
            peer: "p".into(),
            reason: None,
            ban_minutes: Some(1),
        },
        Moderation::Mute {
            room: "r".into(),
            producer: "p".into(),
            mute: true,
        },
        Moderation::Mute {
            room: "r".into(),
            producer: "p".into(),
            mute: false,
        },
        Moderation::CloseRoom {
            room: "r".into(),
            reason: None,
        },
        Moderation::DeleteUtterance { id: "u1".into() },
        Moderation::DeleteSpeakerUtterances {
            room: "r".into(),
            uid: "bea".into(),
        },
        Moderation::ExportUtterance {
            id: "u1".into(),
            video: false,
        },
        Moderation::ExportUtterance {
            id: "u1".into(),
            video: true,
        },
    ];
    let broadcaster = user_token("bea", "broadcaster");
    for action in &actions {
        let (method, url, body) = action.request(&base).unwrap();
        let anonymous = http.send(method.clone(), &url, None, body.as_ref()).await.unwrap_err();
        assert_eq!(status(&anonymous), 401, "{action:?} without a token: {anonymous}");
        for token in [broadcaster.as_str(), "wrong-token"] {
            let e = http
                .send(method.clone(), &url, Some(token), body.as_ref())
                .await
                .unwrap_err();
            assert_eq!(status(&e), 403, "{action:?} with {token:.12}: {e}");
        }
        // With the admin token the action runs, and finds nothing to act on.
        let e = moderate(&http, &base, TOKEN, action).await.unwrap_err();
        assert_eq!(status(&e), 404, "{action:?} with the admin token: {e}");
        let HttpError::Status { body, .. } = &e else {
            unreachable!()
        };
        assert!(body.contains("not_found"), "{body}");
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_removed_peer_is_told_why_cannot_resume_and_its_ban_refuses_its_join() {
    let server = start(auth_config()).await;
    let room = "mod-kick";
    let (mut b, _) = join_as(&server, room, "bea", "broadcaster").await;
    let (mut v, joined) = join_as(&server, room, "vic", "viewer").await;
    let (v_peer, v_resume) = (joined["peerId"].clone(), joined["resumeToken"].clone());
    b.notification("peerJoined").await;
    // The same user in a second tab: the ban removes it too.
    let (mut v2, joined) = join_as(&server, room, "vic", "viewer").await;
    let v2_peer = joined["peerId"].clone();
    b.notification("peerJoined").await;

    let answer = admin(
        &server,
        Moderation::Kick {
            room: room.into(),
            peer: v_peer.as_str().unwrap().into(),
            reason: Some("spam".into()),
            ban_minutes: Some(5),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (answer["uid"].as_str(), answer["bannedMinutes"].as_u64()),
        (Some("vic"), Some(5))
    );
    for v in [&mut v, &mut v2] {
        assert_eq!(v.notification("removed").await["reason"], "spam");
        assert_eq!(v.recv_close().await, Some(4005));
    }
    let mut left = vec![b.notification("peerLeft").await["peerId"].clone()];
    left.push(b.notification("peerLeft").await["peerId"].clone());
    left.sort_by_key(|p| p.to_string());
    let mut both = vec![v_peer.clone(), v2_peer];
    both.sort_by_key(|p| p.to_string());
    assert_eq!(left, both);

    // Its resume token died with the session.
    let mut again = Client::connect(&server).await;
    let (code, _) = again
        .request("resume", json!({"resumeToken": v_resume}))
        .await
        .unwrap_err();
    assert_eq!(code, "session_expired");
    // Its user is banned from the room, not from others; other users still join.
    let (code, message) = again
        .request(
            "join",
            json!({"room": room, "role": "viewer", "token": user_token("vic", "viewer")}),
        )
        .await
        .unwrap_err();
    assert_eq!(code, "banned", "{message}");
    assert!(message.contains(room) && message.contains("until"), "{message}");
    again
        .ok(
            "join",
            json!({"room": "elsewhere", "role": "viewer", "token": user_token("vic", "viewer")}),
        )
        .await;
    let (w, _) = join_as(&server, room, "wes", "viewer").await;

    // A peer whose socket died (parked for resume) is removed too, and its token dies.
    let (parked, joined) = join_as(&server, room, "pat", "viewer").await;
    drop(parked);
    eventually("the dropped socket parked", || server.counts().connections == 3).await;
    let peer = joined["peerId"].as_str().unwrap().to_string();
    admin(
        &server,
        Moderation::Kick {
            room: room.into(),
            peer: peer.clone(),
            reason: None,
            ban_minutes: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(b.notification("peerLeft").await["peerId"], json!(peer));
    let mut later = Client::connect(&server).await;
    let (code, _) = later
        .request("resume", json!({"resumeToken": joined["resumeToken"]}))
        .await
        .unwrap_err();
    assert_eq!(code, "session_expired");
    let e = admin(
        &server,
        Moderation::Kick {
            room: room.into(),
            peer,
            reason: None,
            ban_minutes: None,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(status(&e), 404, "gone already: {e}");
    let peers = server.dump(Some(room)).await.rooms[0].peers.len();
    assert_eq!(peers, 2, "bea and wes");
    for c in [b, w, again, later] {
        c.close().await;
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_muted_producer_stops_reaching_viewers_and_the_buffer_and_its_owner_cannot_resume_it() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(config()).await;
    let room = "mod-mute";
    // A synthetic speaker who talks without pause: recorded while unmuted.
    let mut o = broadcast_options(&server, room, 1, Duration::from_secs(30));
    o.speech = speech(20_000, 500);
    let cancel = o.cancel.clone();
    let talker = tokio::spawn(run_broadcasters(o));
    eventually("the speaker producing", || server.counts().producers >= 1).await;
    let speaker = server.dump(Some(room)).await.rooms[0].peers[0].clone();
    let speaker_producer = speaker.producers[0].id.clone();
    // A broadcaster over plain signaling (its own notifications), and a viewer consuming it.
    let mut owner = Client::connect(&server).await;
    owner.join(room, "broadcaster").await;
    let t = owner.ok("createTransport", json!({"direction": "send"})).await;
    let p = owner
        .ok(
            "produce",
            json!({"transportId": t["transportId"], "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(7777)}),
        )
        .await;
    let pid = p["producerId"].as_str().unwrap().to_string();
    let mut v = Client::connect(&server).await;
    v.join_with_caps(room, "viewer").await;
    let t = v.ok("createTransport", json!({"direction": "recv"})).await;
    let c = v
        .ok("consume", json!({"transportId": t["transportId"], "producerId": pid}))
        .await;
    assert_eq!(c["producerPaused"], false);

    let mute = |producer: &str, mute: bool| Moderation::Mute {
        room: room.into(),
        producer: producer.into(),
        mute,
    };
    admin(&server, mute(&pid, true)).await.unwrap();
    for client in [&mut owner, &mut v] {
        let n = client.notification("producerPaused").await;
        assert_eq!(
            (n["producerId"].as_str(), &n["byServer"]),
            (Some(pid.as_str()), &json!(true))
        );
    }
    let (code, message) = owner
        .request("resumeProducer", json!({"producerId": pid}))
        .await
        .unwrap_err();
    assert_eq!(code, "muted_by_moderator", "{message}");
    // mediasoup holds the viewer's consumer paused by its producer: nothing reaches it.
    let dump = server.dump(Some(room)).await;
    let viewer = dump.rooms[0].peers.iter().find(|p| !p.consumers.is_empty()).unwrap();
    assert!(viewer.consumers[0].producer_paused, "{viewer:?}");

    // The speaker muted: its utterance ends and nothing new is recorded while it talks on.
    admin(&server, mute(&speaker_producer, true)).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while utterances(&server, room).await.iter().any(|u| u.state == "live") {
        assert!(Instant::now() < deadline, "the muted speaker's utterance never ended");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let before = utterances(&server, room).await;
    let bytes = server.buffer_stats().bytes_used;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after = utterances(&server, room).await;
    assert_eq!(after.len(), before.len(), "nothing recorded while muted: {after:?}");
    assert_eq!(server.buffer_stats().bytes_used, bytes, "the buffer did not grow");

    // Unmuted: the owner may resume again and the speaker is recorded again.
    admin(&server, mute(&pid, false)).await.unwrap();
    let n = owner.notification("producerResumed").await;
    assert_eq!(n["byServer"], true);
    owner.ok("pauseProducer", json!({"producerId": pid})).await;
    owner.ok("resumeProducer", json!({"producerId": pid})).await;
    admin(&server, mute(&speaker_producer, false)).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while !utterances(&server, room).await.iter().any(|u| u.state == "live") {
        assert!(Instant::now() < deadline, "the unmuted speaker is not recorded again");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let metrics = http(&server)
        .get(&format!("{}/metrics", server.http_url()), Some(TOKEN))
        .await
        .unwrap();
    let metrics = String::from_utf8_lossy(&metrics);
    assert!(
        metrics.contains("sfu_moderation_actions_total{action=\"mute\"} 2"),
        "{metrics}"
    );
    assert!(
        metrics.contains("sfu_moderation_actions_total{action=\"unmute\"} 2"),
        "{metrics}"
    );
    cancel.cancel();
    let _ = talker.await;
    for c in [owner, v] {
        c.close().await;
    }
    server.shutdown().await.unwrap();
}

/// A feed viewer over plain signaling: what it checks is its notifications.
async fn feed_viewer(server: &ServerHandle, room: &str) -> Client {
    let mut c = Client::connect(server).await;
    c.join_with_caps(room, "viewer").await;
    let recv = c.ok("createTransport", json!({"direction": "recv"})).await["transportId"].clone();
    let feed = c.ok("subscribeFeed", json!({"transportId": recv})).await;
    c.ok("resumeConsumer", json!({"consumerId": feed["consumerId"]})).await;
    c
}

/// The next `feedSwitched` (queued ones first).
async fn next_switch(c: &mut Client) -> Value {
    c.notification("feedSwitched").await
}

/// The next `feedSwitched` or `feedWaiting` (queued ones first): its name and data.
async fn next_feed_notification(c: &mut Client) -> (String, Value) {
    let is_feed = |n: &Value| n["notification"] == "feedSwitched" || n["notification"] == "feedWaiting";
    loop {
        if let Some(i) = c.notifications.iter().position(is_feed) {
            let n = c.notifications.remove(i).unwrap();
            return (n["notification"].as_str().unwrap().to_string(), n["data"].clone());
        }
        let n = c.recv_json().await.expect("connection closed waiting for the feed");
        if n.get("notification").is_some() {
            c.notifications.push_back(n);
        }
    }
}

#[tokio::test]
async fn a_feed_playing_a_deleted_utterance_switches_at_once_and_never_plays_it_again() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(config()).await;
    let room = "mod-delete";
    let mut o = broadcast_options(&server, room, 2, Duration::from_secs(30));
    o.speech = speech(2500, 600);
    let cancel = o.cancel.clone();
    let talkers = tokio::spawn(run_broadcasters(o));
    eventually("two speakers producing", || server.counts().producers >= 2).await;
    let mut v = feed_viewer(&server, room).await;
    let playing = next_switch(&mut v).await;
    let id = playing["utteranceId"].as_str().unwrap().to_string();
    // A wait from before that switch (nothing to play at subscribe) is not about the delete.
    v.notifications.retain(|n| n["notification"] != "feedWaiting");

    let sent = Instant::now();
    let answer = admin(&server, Moderation::DeleteUtterance { id: id.clone() })
        .await
        .unwrap();
    assert_eq!(answer["deleted"], json!([id]));
    assert!(answer["bytesFreed"].as_u64().unwrap() > 0, "{answer}");
    // The feed leaves it at once: for the next utterance (`feedSwitched`, reason `removed`), or
    // to wait when there is none yet (`feedWaiting`, stopped `removed`) until one comes.
    let (name, left) = next_feed_notification(&mut v).await;
    let took = sent.elapsed();
    println!("{name} (removed) {took:?} after the delete was sent");
    let switched = if name == "feedSwitched" {
        assert_eq!(left["reason"], "removed", "{left}");
        left
    } else {
        assert_eq!(left["stopped"], "removed", "{left}");
        let resumed = next_switch(&mut v).await;
        assert_eq!(resumed["reason"], "resumed", "{resumed}");
        resumed
    };
    assert_ne!(switched["utteranceId"], json!(id));
    // One pacer tick is 2 ms; the rest is the HTTP request and the notification on loopback.
    assert!(took < Duration::from_millis(500), "{took:?}");
    assert!(
        !utterances(&server, room).await.iter().any(|u| u.id == id),
        "not listed any more"
    );
    // Never again, for as long as the speakers talk on.
    let deadline = Instant::now() + Duration::from_secs(4);
    while Instant::now() < deadline {
        let n = tokio::time::timeout(Duration::from_millis(500), next_switch(&mut v)).await;
        if let Ok(n) = n {
            assert_ne!(n["utteranceId"], json!(id), "the deleted utterance played again: {n}");
        }
    }
    let e = admin(&server, Moderation::DeleteUtterance { id: id.clone() })
        .await
        .unwrap_err();
    assert_eq!(status(&e), 404, "{e}");

    // Every utterance of one speaker.
    let uid = switched["speakerUid"].as_str().unwrap().to_string();
    let answer = admin(
        &server,
        Moderation::DeleteSpeakerUtterances {
            room: room.into(),
            uid: uid.clone(),
        },
    )
    .await
    .unwrap();
    let deleted: Vec<String> = serde_json::from_value(answer["deleted"].clone()).unwrap();
    assert!(!deleted.is_empty(), "{answer}");
    let left = utterances(&server, room).await;
    assert!(
        left.iter().all(|u| !deleted.contains(&u.id)),
        "{deleted:?} still listed: {left:?}"
    );
    assert!(
        server.buffer_stats().removals > deleted.len() as u64,
        "the first delete and these"
    );
    cancel.cancel();
    let _ = talkers.await;
    v.close().await;
    server.shutdown().await.unwrap();
}

/// `opusinfo`'s playback length of `file`, in ms.
fn opusinfo_ms(file: &std::path::Path) -> u64 {
    let out = std::process::Command::new("opusinfo")
        .arg(file)
        .output()
        .expect("opusinfo runs (scripts/setup installs opus-tools)");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("WARNING") && !text.contains("ERROR"), "{text}");
    // "Playback length: 0m:02.485s"
    let length = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Playback length: "))
        .unwrap_or_else(|| panic!("no playback length: {text}"));
    let (m, s) = length.trim_end_matches('s').split_once("m:").unwrap();
    let secs: f64 = m.parse::<f64>().unwrap() * 60.0 + s.parse::<f64>().unwrap();
    (secs * 1000.0).round() as u64
}

#[tokio::test]
async fn an_exported_utterance_decodes_to_its_duration() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(config()).await;
    let room = "mod-export";
    let mut o = broadcast_options(&server, room, 1, Duration::from_secs(30));
    o.speech = speech(1800, 900);
    let cancel = o.cancel.clone();
    let talker = tokio::spawn(run_broadcasters(o));
    let deadline = Instant::now() + Duration::from_secs(10);
    let utterance = loop {
        let done = utterances(&server, room)
            .await
            .into_iter()
            .find(|u| u.state == "complete");
        if let Some(u) = done {
            break u;
        }
        assert!(Instant::now() < deadline, "no complete utterance");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    cancel.cancel();
    let _ = talker.await;
    let file = std::env::temp_dir().join(format!("sfu-moderation-{}-{}.ogg", std::process::id(), utterance.id));
    let bytes = moderate(
        &http(&server),
        &server.http_url(),
        TOKEN,
        &Moderation::ExportUtterance {
            id: utterance.id.clone(),
            video: false,
        },
    )
    .await
    .unwrap();
    std::fs::write(&file, &bytes).unwrap();
    let decoded = opusinfo_ms(&file);
    let _ = std::fs::remove_file(&file);
    let audio_ms = utterance.audio_ms.expect("the dump has the utterance's audio span");
    println!(
        "utterance {}: {audio_ms} ms of audio (RTP timestamps), {} ms by arrival; its Ogg file decodes to {decoded} ms",
        utterance.id, utterance.duration_ms
    );
    assert!(
        decoded.abs_diff(audio_ms) <= 40,
        "{decoded} ms decoded, {audio_ms} ms recorded"
    );
    // By arrival it can differ a lot when the (loaded) sender's packets bunched (tokio's Burst
    // ticks after a stall; CI once saw more than 2x on a machine running a load test beside
    // it), so the arrival span is printed, not judged. The file is not empty audio either way.
    assert!(decoded >= 200, "{decoded} ms decoded");
    // Recorded without a camera: no video to export, and the refusal says so.
    let video = Moderation::ExportUtterance {
        id: utterance.id.clone(),
        video: true,
    };
    let e = moderate(&http(&server), &server.http_url(), TOKEN, &video)
        .await
        .unwrap_err();
    assert_eq!(status(&e), 404, "{e}");
    assert!(e.to_string().contains("no_video"), "{e}");
    server.shutdown().await.unwrap();
}

/// Runs `tool` (from Debian's ffmpeg, which scripts/setup installs) with `args`: its stdout and
/// stderr.
fn ffmpeg_tool(tool: &str, args: &[&str]) -> (String, String) {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (scripts/setup installs ffmpeg): {e}"));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    );
    assert!(out.status.success(), "{tool} {args:?}: {stderr}");
    (stdout, stderr)
}

#[tokio::test]
async fn an_exported_video_utterance_is_a_webm_file_that_decodes() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(config()).await;
    let room = "mod-export-video";
    let mut o = broadcast_options(&server, room, 1, Duration::from_secs(30));
    o.speech = speech(2000, 900);
    o.video = true;
    let cancel = o.cancel.clone();
    let talker = tokio::spawn(run_broadcasters(o));
    let deadline = Instant::now() + Duration::from_secs(15);
    let utterance = loop {
        let done = utterances(&server, room)
            .await
            .into_iter()
            .find(|u| u.state == "complete" && u.video_ms.is_some());
        if let Some(u) = done {
            break u;
        }
        assert!(Instant::now() < deadline, "no complete utterance with video");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    cancel.cancel();
    let _ = talker.await;
    let file = std::env::temp_dir().join(format!("sfu-moderation-{}-{}.webm", std::process::id(), utterance.id));
    let action = Moderation::ExportUtterance {
        id: utterance.id.clone(),
        video: true,
    };
    let bytes = moderate(&http(&server), &server.http_url(), TOKEN, &action)
        .await
        .unwrap();
    std::fs::write(&file, &bytes).unwrap();
    let path = file.to_str().unwrap();
    let (probe, _) = ffmpeg_tool(
        "ffprobe",
        &[
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name,width,height:format=format_name,duration",
            "-of",
            "json",
            path,
        ],
    );
    // Every frame decodes, with nothing said on stderr.
    let (_, decode_errors) = ffmpeg_tool("ffmpeg", &["-nostdin", "-v", "error", "-i", path, "-f", "null", "-"]);
    let _ = std::fs::remove_file(&file);
    let probe: Value = serde_json::from_str(&probe).unwrap();
    let stream = &probe["streams"][0];
    let duration_ms = (probe["format"]["duration"].as_str().unwrap().parse::<f64>().unwrap() * 1000.0).round() as u64;
    let video_ms = utterance.video_ms.unwrap();
    // The file runs to the end of the last frame; the dump's span stops at its start.
    let frame_ms = 1000 / u64::from(sfu::synthetic::VideoPattern::default().fps);
    println!(
        "utterance {}: {video_ms} ms of video by RTP timestamps (to its last frame's start), {:?} ms of audio; \
         its WebM file: {probe}, {duration_ms} ms",
        utterance.id, utterance.audio_ms
    );
    assert_eq!(decode_errors.trim(), "", "ffmpeg decoded with errors");
    assert!(
        probe["format"]["format_name"].as_str().unwrap().contains("webm"),
        "{probe}"
    );
    assert_eq!(stream["codec_name"], "vp8", "{probe}");
    assert_eq!(
        (stream["width"].as_u64(), stream["height"].as_u64()),
        (
            Some(u64::from(sfu::synthetic::media::VIDEO_WIDTH)),
            Some(u64::from(sfu::synthetic::media::VIDEO_HEIGHT))
        ),
        "{probe}"
    );
    assert!(
        duration_ms.abs_diff(video_ms + frame_ms) <= 2 * frame_ms,
        "{duration_ms} ms in the file, {video_ms} ms + one frame recorded"
    );
    assert!(video_ms >= 500, "{video_ms} ms of video");
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn closing_a_room_tells_everyone_and_drops_its_utterances() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(config()).await;
    let room = "mod-close";
    let mut o = broadcast_options(&server, room, 1, Duration::from_secs(30));
    o.speech = speech(900, 1500);
    let cancel = o.cancel.clone();
    let talker = tokio::spawn(run_broadcasters(o));
    let mut b = Client::connect(&server).await;
    b.join(room, "broadcaster").await;
    let mut v = Client::connect(&server).await;
    v.join(room, "viewer").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while utterances(&server, room).await.is_empty() {
        assert!(Instant::now() < deadline, "no utterances recorded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut other = Client::connect(&server).await;
    other.join("mod-close-other", "viewer").await;

    let answer = admin(
        &server,
        Moderation::CloseRoom {
            room: room.into(),
            reason: Some("reported".into()),
        },
    )
    .await
    .unwrap();
    assert_eq!(answer["peers"], 3, "{answer}");
    assert!(answer["utterances"].as_u64().unwrap() >= 1, "{answer}");
    for c in [&mut b, &mut v] {
        assert_eq!(c.notification("roomClosed").await["reason"], "reported");
        assert_eq!(c.recv_close().await, Some(4006));
    }
    let buffer = server.buffer_stats();
    assert!(
        !buffer.rooms.iter().any(|r| &*r.room == room),
        "no utterance of the closed room is left: {buffer:?}"
    );
    let dump = server.dump(None).await;
    assert_eq!(dump.rooms.len(), 1, "only the other room: {:?}", dump.rooms);
    assert_eq!(dump.rooms[0].id, "mod-close-other");
    cancel.cancel();
    let _ = talker.await;
    // Its name is free: a new join makes a new, empty room.
    let mut again = Client::connect(&server).await;
    again.join(room, "viewer").await;
    assert!(utterances(&server, room).await.is_empty());
    for c in [other, again] {
        c.close().await;
    }
    server.shutdown().await.unwrap();
}

/// Runs `sfu admin ARGS` (or `sfu inspect`) against `server`: (success, stdout, stderr).
fn sfu_cli(server: &ServerHandle, args: &[&str]) -> (bool, String, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sfu"));
    cmd.args(args).arg("--url").arg(server.ws_url());
    cmd.env_remove("SFU_ADMIN_TOKEN").env_remove("SFU_URL");
    if let Some(pem) = server.tls_certificate_pem() {
        let ca = std::env::temp_dir().join(format!("sfu-moderation-ca-{}.pem", std::process::id()));
        std::fs::write(&ca, pem).unwrap();
        cmd.arg("--ca-cert").arg(&ca);
    }
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sfu_admin_acts_and_names_what_it_cannot_find() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = start(config()).await;
    let room = "mod-cli";
    let mut o = broadcast_options(&server, room, 1, Duration::from_secs(30));
    o.speech = speech(900, 1500);
    let cancel = o.cancel.clone();
    let talker = tokio::spawn(run_broadcasters(o));
    let deadline = Instant::now() + Duration::from_secs(10);
    let id = loop {
        if let Some(u) = utterances(&server, room).await.into_iter().find(|u| u.state != "live") {
            break u.id;
        }
        assert!(Instant::now() < deadline, "no finished utterance");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let cli = |args: Vec<&str>| tokio::task::block_in_place(|| sfu_cli(&server, &args));
    let (ok, text, err) = cli(vec!["inspect", "--token", TOKEN, "--room", room]);
    assert!(ok, "{err}");
    assert!(
        text.contains(&id) && text.contains("producer "),
        "inspect lists utterance and producer ids: {text}"
    );

    let file = std::env::temp_dir().join(format!("sfu-moderation-cli-{}.ogg", std::process::id()));
    let path = file.to_str().unwrap();
    let (ok, text, err) = cli(vec![
        "admin",
        "export-utterance",
        "--token",
        TOKEN,
        "--id",
        &id,
        "-o",
        path,
    ]);
    assert!(ok, "{err}");
    assert!(text.contains("wrote"), "{text}");
    assert_eq!(&std::fs::read(&file).unwrap()[..4], b"OggS");
    let _ = std::fs::remove_file(&file);
    let (ok, text, err) = cli(vec![
        "admin",
        "delete-utterance",
        "--token",
        TOKEN,
        "--id",
        &id,
        "--json",
    ]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["deleted"], json!([id]));

    let peer = server.dump(Some(room)).await.rooms[0].peers[0].peer_id.clone();
    let unknown_producer = "3f2b8a4e-0000-4000-8000-000000000000";
    let refusals: Vec<(Vec<&str>, String)> = vec![
        (vec!["delete-utterance", "--id", &id], format!("no utterance {id}")),
        (
            vec!["export-utterance", "--id", "u999999", "-o", path],
            "no utterance u999999".into(),
        ),
        (
            vec!["export-utterance", "--id", "u999999", "-o", "x.webm"],
            "add --video".into(),
        ),
        (
            vec!["export-utterance", "--id", "u999999", "--video", "-o", "x.ogg"],
            "name it .webm".into(),
        ),
        (
            vec!["export-utterance", "--id", "u999999", "--video", "-o", "x.webm"],
            "no utterance u999999".into(),
        ),
        (
            vec!["delete-utterance", "--id", "seventeen"],
            "not an utterance id".into(),
        ),
        (
            vec!["delete-utterance", "--room", room, "--speaker", "nobody"],
            "no utterance of speaker".into(),
        ),
        (
            vec!["kick", "--room", "nowhere", "--peer", &peer],
            "no room \"nowhere\"".into(),
        ),
        (
            vec!["kick", "--room", room, "--peer", "nobody"],
            "no peer nobody".into(),
        ),
        (
            vec!["mute", "--room", room, "--producer", unknown_producer],
            format!("no producer {unknown_producer}"),
        ),
        (
            vec!["unmute", "--room", room, "--producer", "x"],
            "not a producer id".into(),
        ),
        (vec!["close-room", "--room", "nowhere"], "no room \"nowhere\"".into()),
    ];
    for (args, expected) in refusals {
        let mut full = vec!["admin", args[0], "--token", TOKEN];
        full.extend_from_slice(&args[1..]);
        let (ok, _, err) = cli(full);
        assert!(!ok, "{args:?} must fail");
        assert!(err.contains(&expected), "{args:?}: {err}");
    }
    assert!(
        !std::path::Path::new(path).exists(),
        "no file written for a refused export"
    );
    let (ok, _, err) = cli(vec!["admin", "kick", "--room", room, "--peer", &peer]);
    assert!(!ok && err.contains("--token"), "{err}");
    let (ok, _, err) = cli(vec!["admin", "close-room", "--token", TOKEN, "--room", "a b"]);
    assert!(!ok && err.contains("--room"), "{err}");
    let (ok, _, err) = cli(vec![
        "admin",
        "close-room",
        "--token",
        "wrong-token-0123",
        "--room",
        room,
    ]);
    assert!(!ok && err.contains("403"), "{err}");

    // And a kick that works, in words.
    let (ok, text, err) = cli(vec![
        "admin", "kick", "--token", TOKEN, "--room", room, "--peer", &peer, "--reason", "test",
    ]);
    assert!(ok, "{err}");
    assert!(text.contains(&format!("removed peer {peer}")), "{text}");
    cancel.cancel();
    let _ = talker.await;
    server.shutdown().await.unwrap();
}
