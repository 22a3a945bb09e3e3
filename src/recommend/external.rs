//! The external recommender's wire format: what the server POSTs to a recommendation service
//! when a feed needs its next utterance, and what it accepts back. Sans-I/O: the feed engine's
//! client (`feed::external`) does the HTTP; the feed builds the body and checks the answer.
//!
//! Request (`Content-Type: application/json`), ids are numbers, times in ms:
//!
//! ```json
//! {
//!   "viewer": { "peerId": "p1", "uid": "alice", "room": "lobby",
//!               "history": [41, 44], "favour": ["bob"], "mute": [],
//!               "signals": [ { "utterance": 44, "speaker": "bob", "topics": ["news"],
//!                              "kind": "skipped", "afterMs": 900 } ] },
//!   "candidates": [ { "id": 45, "speakerUid": "carol", "speakerPeerId": "p7", "live": true,
//!                     "ageMs": 1200, "durationMs": 1100, "speechRatio": 0.83, "meanLevel": 31.5,
//!                     "plays": 2, "finishes": 1, "readers": 1, "topics": ["music"] } ],
//!   "deadlineMs": 20
//! }
//! ```
//!
//! Answer: `{"utterance": 45}` to play candidate 45, `{"utterance": null}` when nothing suits
//! (the feed waits for the next speech onset). Anything else (a status other than 2xx, a body
//! that does not parse, an id that was not a candidate, the viewer's own voice, no answer
//! within the deadline) and the learning recommender decides instead.

use std::time::{Duration, Instant};

use serde::Serialize;
use thiserror::Error;

use super::{SignalKind, ViewerContext};
use crate::buffer::{Candidate, UtteranceId, UtteranceState};

/// Answers larger than this are refused unread (an answer is a few bytes).
pub const MAX_ANSWER_BYTES: usize = 4096;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExternalError {
    #[error("the answer is not {{\"utterance\": <id or null>}}: {0}")]
    BadAnswer(String),
    #[error("answer of {0} bytes, over {MAX_ANSWER_BYTES}")]
    TooLarge(usize),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Request<'a> {
    viewer: Viewer<'a>,
    candidates: Vec<WireCandidate<'a>>,
    deadline_ms: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Viewer<'a> {
    peer_id: &'a str,
    uid: &'a str,
    room: &'a str,
    history: Vec<u64>,
    favour: Vec<&'a str>,
    mute: Vec<&'a str>,
    signals: Vec<WireSignal<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireSignal<'a> {
    utterance: u64,
    speaker: &'a str,
    topics: Vec<&'a str>,
    kind: SignalKind,
    after_ms: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireCandidate<'a> {
    id: u64,
    speaker_uid: &'a str,
    speaker_peer_id: &'a str,
    live: bool,
    age_ms: u64,
    duration_ms: u64,
    speech_ratio: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    mean_level: Option<f32>,
    plays: u32,
    finishes: u32,
    readers: u32,
    /// Its producer's topic tags (`[]` when none).
    topics: Vec<&'a str>,
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The JSON body asking which of `candidates` (oldest first) `viewer` in `room` hears next.
pub fn request_body(
    viewer: &ViewerContext,
    room: &str,
    candidates: &[Candidate],
    now: Instant,
    deadline: Duration,
) -> Vec<u8> {
    let mut history: Vec<u64> = Vec::new();
    // History keeps utterance ids with their speakers; the service gets the ids, oldest first.
    for c in candidates {
        if viewer.history.contains(c.id) {
            history.push(c.id.0);
        }
    }
    let request = Request {
        viewer: Viewer {
            peer_id: &viewer.viewer,
            uid: &viewer.uid,
            room,
            history,
            favour: viewer.preferences.favour.iter().map(|s| &**s).collect(),
            mute: viewer.preferences.mute.iter().map(|s| &**s).collect(),
            signals: viewer
                .signals
                .recent()
                .map(|s| WireSignal {
                    utterance: s.utterance.0,
                    speaker: &s.speaker,
                    topics: s.topics.iter().map(|t| &**t).collect(),
                    kind: s.kind,
                    after_ms: ms(s.after),
                })
                .collect(),
        },
        candidates: candidates
            .iter()
            .map(|c| WireCandidate {
                id: c.id.0,
                speaker_uid: &c.speaker.uid,
                speaker_peer_id: &c.speaker.peer,
                live: c.state == UtteranceState::Live,
                age_ms: ms(now.saturating_duration_since(c.start)),
                duration_ms: ms(c.duration),
                speech_ratio: c.features.speech_ratio(),
                mean_level: c.features.mean_level(),
                plays: c.features.plays,
                finishes: c.features.finishes,
                readers: c.readers,
                topics: c.topics.iter().map(|t| &**t).collect(),
            })
            .collect(),
        deadline_ms: ms(deadline),
    };
    serde_json::to_vec(&request).expect("the request serializes (strings and numbers only)")
}

/// The service's choice: `Some(id)` to play, `None` when nothing suits.
pub fn parse_answer(body: &[u8]) -> Result<Option<UtteranceId>, ExternalError> {
    if body.len() > MAX_ANSWER_BYTES {
        return Err(ExternalError::TooLarge(body.len()));
    }
    let bad = |why: &str| ExternalError::BadAnswer(why.to_string());
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| bad(&e.to_string()))?;
    let serde_json::Value::Object(fields) = value else {
        return Err(bad("not an object"));
    };
    if let Some(other) = fields.keys().find(|k| *k != "utterance") {
        return Err(bad(&format!("unknown field {other:?}")));
    }
    match fields.get("utterance") {
        None => Err(bad("no \"utterance\" field")),
        Some(serde_json::Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .map(|id| Some(UtteranceId(id)))
            .ok_or_else(|| bad(&format!("utterance {v} is not an id"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recommend::tests::candidate;
    use crate::recommend::Signal;
    use crate::topic::Topics;

    #[test]
    fn the_request_carries_the_viewer_and_the_candidates() {
        let t0 = Instant::now();
        let mut viewer = ViewerContext::new("p1".into(), "alice".into(), 4);
        viewer.history.push(UtteranceId(1), "bob".into());
        viewer.preferences.mute.insert("dave".into());
        viewer.signals.record(Signal {
            utterance: UtteranceId(1),
            speaker: "bob".into(),
            topics: Topics::of(&["news"]),
            kind: SignalKind::Skipped,
            after: Duration::from_millis(900),
        });
        let mut live = candidate(2, "carol", UtteranceState::Live);
        live.start = t0;
        live.topics = Topics::of(&["music", "jazz"]);
        let candidates = [candidate(1, "bob", UtteranceState::Complete), live];
        let body = request_body(
            &viewer,
            "lobby",
            &candidates,
            t0 + Duration::from_millis(1500),
            Duration::from_millis(20),
        );
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["viewer"]["uid"], "alice");
        assert_eq!(v["viewer"]["room"], "lobby");
        assert_eq!(v["viewer"]["history"], serde_json::json!([1]));
        assert_eq!(v["viewer"]["mute"], serde_json::json!(["dave"]));
        assert_eq!(
            v["viewer"]["signals"][0],
            serde_json::json!({"utterance": 1, "speaker": "bob", "topics": ["news"], "kind": "skipped", "afterMs": 900})
        );
        assert_eq!(v["candidates"][1]["topics"], serde_json::json!(["music", "jazz"]));
        assert_eq!(
            v["candidates"][0]["topics"],
            serde_json::json!([]),
            "listed even when none"
        );
        assert_eq!(v["candidates"][1]["id"], 2);
        assert_eq!(v["candidates"][1]["speakerUid"], "carol");
        assert_eq!(v["candidates"][1]["live"], true);
        assert_eq!(v["candidates"][1]["ageMs"], 1500);
        assert_eq!(v["candidates"][0]["live"], false);
        assert_eq!(v["deadlineMs"], 20);
    }

    #[test]
    fn answers_parse_or_say_what_is_wrong() {
        assert_eq!(parse_answer(br#"{"utterance": 45}"#), Ok(Some(UtteranceId(45))));
        assert_eq!(parse_answer(br#"{"utterance": null}"#), Ok(None));
        for bad in [
            &b"{}"[..],
            b"[]",
            b"{\"utterance\": \"45\"}",
            b"{\"utterance\": 1, \"x\": 2}",
            b"nope",
        ] {
            assert!(
                matches!(parse_answer(bad), Err(ExternalError::BadAnswer(_))),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(parse_answer(&[b' '; 5000]), Err(ExternalError::TooLarge(5000)));
    }
}
