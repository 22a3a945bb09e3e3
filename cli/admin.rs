//! `sfu admin`: a moderator's actions on a running server, through its admin API (the same
//! `--url`/`--token`/`--json` conventions as `sfu inspect`, which lists the ids they take).

use std::path::PathBuf;

use anyhow::Context;
use sfu::http_client::admin::{moderate, Moderation};
use sfu::http_client::{HttpClient, HttpError};

#[derive(clap::Args)]
pub struct AdminArgs {
    #[command(subcommand)]
    action: Action,
}

/// Where the server is and how to talk to it (as `sfu inspect`).
#[derive(clap::Args)]
struct Server {
    /// The server: `http(s)://HOST:PORT` (its signaling URL `ws(s)://HOST:PORT/ws` works too).
    #[arg(long, env = "SFU_URL", default_value = "http://127.0.0.1:8080")]
    url: String,
    /// The server's admin token (admin.token / SFU_ADMIN_TOKEN on the server), or an admin's
    /// Firebase ID token.
    #[arg(long, env = "SFU_ADMIN_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Print the server's answer as JSON.
    #[arg(long)]
    json: bool,
    /// Trust this CA certificate (PEM) instead of the system roots, e.g. a `--dev-tls` server's.
    #[arg(long, value_name = "FILE")]
    ca_cert: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Remove a peer from its room: it is told why, its socket closes (4005) and it cannot resume.
    Kick {
        #[command(flatten)]
        server: Server,
        #[arg(long)]
        room: String,
        /// The peer id (`sfu inspect` lists them).
        #[arg(long)]
        peer: String,
        /// What the peer is told.
        #[arg(long)]
        reason: Option<String>,
        /// Also ban the peer's user from the room for this many minutes.
        #[arg(long, value_name = "MINUTES")]
        ban_minutes: Option<u64>,
    },
    /// Mute a producer from the server side: paused for everyone, its owner cannot resume it.
    Mute {
        #[command(flatten)]
        server: Server,
        #[arg(long)]
        room: String,
        /// The producer id (`sfu inspect` lists them).
        #[arg(long)]
        producer: String,
    },
    /// Unmute a producer a moderator muted (it resumes).
    Unmute {
        #[command(flatten)]
        server: Server,
        #[arg(long)]
        room: String,
        #[arg(long)]
        producer: String,
    },
    /// Close a room: every peer is told why and disconnected (4006); its utterances are dropped.
    CloseRoom {
        #[command(flatten)]
        server: Server,
        #[arg(long)]
        room: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Take one utterance (--id) or every utterance of a speaker (--room and --speaker) out of
    /// the buffer; feeds playing one switch away at once.
    DeleteUtterance {
        #[command(flatten)]
        server: Server,
        /// The utterance id (like u17; `sfu inspect` lists them).
        #[arg(long, required_unless_present = "speaker", conflicts_with_all = ["room", "speaker"])]
        id: Option<String>,
        #[arg(long, requires = "speaker")]
        room: Option<String>,
        /// The speaker's uid: every utterance of theirs in --room.
        #[arg(long, requires = "room")]
        speaker: Option<String>,
    },
    /// Write one utterance's audio as an Ogg Opus file, or with --video its VP8 video as a WebM
    /// file (its packets as recorded, not re-encoded).
    ExportUtterance {
        #[command(flatten)]
        server: Server,
        #[arg(long)]
        id: String,
        /// Export the video (WebM) instead of the audio (Ogg Opus).
        #[arg(long)]
        video: bool,
        /// Where to write the file (.ogg/.opus for the audio, .webm with --video; other
        /// extensions are taken as they are).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
}

impl Action {
    fn split(self) -> (Server, Moderation, Option<PathBuf>) {
        match self {
            Action::Kick {
                server,
                room,
                peer,
                reason,
                ban_minutes,
            } => (
                server,
                Moderation::Kick {
                    room,
                    peer,
                    reason,
                    ban_minutes,
                },
                None,
            ),
            Action::Mute { server, room, producer } => (
                server,
                Moderation::Mute {
                    room,
                    producer,
                    mute: true,
                },
                None,
            ),
            Action::Unmute { server, room, producer } => (
                server,
                Moderation::Mute {
                    room,
                    producer,
                    mute: false,
                },
                None,
            ),
            Action::CloseRoom { server, room, reason } => (server, Moderation::CloseRoom { room, reason }, None),
            Action::DeleteUtterance {
                server,
                id,
                room,
                speaker,
            } => {
                let action = match (id, room, speaker) {
                    (Some(id), _, _) => Moderation::DeleteUtterance { id },
                    (None, Some(room), Some(uid)) => Moderation::DeleteSpeakerUtterances { room, uid },
                    // clap requires --id or both --room and --speaker.
                    _ => Moderation::DeleteUtterance { id: String::new() },
                };
                (server, action, None)
            }
            Action::ExportUtterance {
                server,
                id,
                video,
                output,
            } => (server, Moderation::ExportUtterance { id, video }, Some(output)),
        }
    }
}

pub fn run(args: AdminArgs) -> anyhow::Result<()> {
    let (server, action, output) = args.action.split();
    let token = server
        .token
        .as_deref()
        .context("the admin API needs the server's admin token: pass --token or set SFU_ADMIN_TOKEN")?;
    let ca = match &server.ca_cert {
        Some(path) => {
            Some(std::fs::read_to_string(path).with_context(|| format!("cannot read --ca-cert {}", path.display()))?)
        }
        None => None,
    };
    // Checked before connecting, so a typo is reported as such.
    check_extension(&action, output.as_deref())?;
    action
        .request(&server.url)
        .context("--url must be http(s)://HOST:PORT (or ws(s)://HOST:PORT/ws) and --room a room name")?;
    let client = HttpClient::new(ca.as_deref())?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let answer = runtime
        .block_on(moderate(&client, &server.url, token, &action))
        .map_err(refused)?;
    match output {
        Some(path) => {
            std::fs::write(&path, &answer).with_context(|| format!("cannot write {}", path.display()))?;
            let format = match action {
                Moderation::ExportUtterance { video: true, .. } => "WebM (VP8)",
                _ => "Ogg Opus",
            };
            if server.json {
                println!("{}", serde_json::json!({"file": path, "bytes": answer.len()}));
            } else {
                println!("wrote {} ({} bytes of {format})", path.display(), answer.len());
            }
        }
        None if server.json => println!("{}", String::from_utf8_lossy(&answer)),
        None => println!("{}", describe(&action, &answer)),
    }
    Ok(())
}

/// An export's file name that says the other format (`-o x.webm` without `--video`, `-o x.ogg`
/// with it) is a mistake worth stopping at; other names are taken as they are.
fn check_extension(action: &Moderation, output: Option<&std::path::Path>) -> anyhow::Result<()> {
    let (Moderation::ExportUtterance { video, .. }, Some(path)) = (action, output) else {
        return Ok(());
    };
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match (extension.as_deref(), video) {
        (Some("webm"), false) => {
            anyhow::bail!(
                "{} is a WebM name but the export is the audio (Ogg Opus): add --video for the video, or name it .ogg",
                path.display()
            )
        }
        (Some("ogg" | "opus" | "oga"), true) => {
            anyhow::bail!(
                "{} is an Ogg name but --video exports WebM: name it .webm, or drop --video for the audio",
                path.display()
            )
        }
        _ => Ok(()),
    }
}

/// The server's refusal in words: its message and code, not the raw body.
fn refused(e: HttpError) -> anyhow::Error {
    if let HttpError::Status { status, body, .. } = &e {
        let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
        if let (Some(code), Some(message)) = (v["error"]["code"].as_str(), v["error"]["message"].as_str()) {
            return anyhow::anyhow!("{message} (HTTP {status}, {code})");
        }
    }
    e.into()
}

/// One line saying what was done.
fn describe(action: &Moderation, answer: &[u8]) -> String {
    let v: serde_json::Value = serde_json::from_slice(answer).unwrap_or_default();
    match action {
        Moderation::Kick { room, peer, .. } => match v["bannedMinutes"].as_u64() {
            Some(m) => format!(
                "removed peer {peer} from room {room}; user {} banned for {m} min",
                v["uid"]
            ),
            None => format!("removed peer {peer} from room {room}"),
        },
        Moderation::Mute { producer, mute, .. } => {
            format!(
                "{} producer {producer} (peer {})",
                if *mute { "muted" } else { "unmuted" },
                v["peerId"]
            )
        }
        Moderation::CloseRoom { room, .. } => format!(
            "closed room {room}: {} peer(s) disconnected, {} utterance(s) ({} bytes) dropped",
            v["peers"], v["utterances"], v["bytesFreed"]
        ),
        Moderation::DeleteUtterance { .. } | Moderation::DeleteSpeakerUtterances { .. } => {
            format!("deleted {} ({} bytes freed)", v["deleted"], v["bytesFreed"])
        }
        Moderation::ExportUtterance { id, .. } => format!("exported {id}"),
    }
}
