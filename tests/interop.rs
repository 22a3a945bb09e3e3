//! What other mediasoup clients expect in our transport, consumer and capability objects,
//! compared with what mediasoup's Node server sends: every ICE candidate carries the deprecated
//! `ip` alias next to `address` (older clients and independent ports of mediasoup-client read
//! `ip`), and the other fields they read are there with mediasoup's names.

mod common;

use common::*;
use serde_json::{json, Value};

fn has(object: &Value, fields: &[&str], what: &str) {
    for f in fields {
        assert!(object.get(f).is_some(), "{what} lacks {f:?}: {object}");
    }
}

#[tokio::test]
async fn transports_consumers_and_capabilities_have_the_fields_node_sends() {
    let server = start(test_config(1)).await;
    let mut b = Client::connect(&server).await;
    b.join("interop", "broadcaster").await;
    let send = b.ok("createTransport", json!({"direction": "send"})).await;
    has(
        &send,
        &["transportId", "iceParameters", "iceCandidates", "dtlsParameters"],
        "transport",
    );
    has(
        &send["iceParameters"],
        &["usernameFragment", "password", "iceLite"],
        "iceParameters",
    );
    has(&send["dtlsParameters"], &["role", "fingerprints"], "dtlsParameters");
    let candidates = send["iceCandidates"].as_array().unwrap();
    assert!(!candidates.is_empty());
    for c in candidates {
        has(
            c,
            &["foundation", "priority", "ip", "address", "protocol", "port", "type"],
            "candidate",
        );
        assert_eq!(c["ip"], c["address"], "the ip alias is the address: {c}");
        if c["protocol"] == "tcp" {
            assert_eq!(c["tcpType"], "passive", "{c}");
        }
    }
    let tid = send["transportId"].as_str().unwrap().to_string();
    b.ok(
        "connectTransport",
        json!({"transportId": tid, "dtlsParameters": client_dtls_parameters()}),
    )
    .await;
    let produced = b
        .ok(
            "produce",
            json!({"transportId": tid, "kind": "audio", "rtpParameters": browser_opus_rtp_parameters(5555)}),
        )
        .await;

    let mut v = Client::connect(&server).await;
    let caps = v.ok("getRouterRtpCapabilities", json!({})).await["routerRtpCapabilities"].clone();
    for codec in caps["codecs"].as_array().unwrap() {
        has(
            codec,
            &[
                "kind",
                "mimeType",
                "preferredPayloadType",
                "clockRate",
                "parameters",
                "rtcpFeedback",
            ],
            "codec",
        );
    }
    for ext in caps["headerExtensions"].as_array().unwrap() {
        has(
            ext,
            &["kind", "uri", "preferredId", "preferredEncrypt", "direction"],
            "header extension",
        );
    }
    v.join_with_caps("interop", "viewer").await;
    let recv = v.ok("createTransport", json!({"direction": "recv"})).await;
    for c in recv["iceCandidates"].as_array().unwrap() {
        assert_eq!(c["ip"], c["address"], "{c}");
    }
    let consumer = v
        .ok(
            "consume",
            json!({"transportId": recv["transportId"], "producerId": produced["producerId"]}),
        )
        .await;
    has(
        &consumer,
        &[
            "consumerId",
            "producerId",
            "kind",
            "rtpParameters",
            "type",
            "producerPaused",
        ],
        "consumer",
    );
    let rtp = &consumer["rtpParameters"];
    has(
        rtp,
        &["mid", "codecs", "headerExtensions", "encodings", "rtcp"],
        "consumer rtpParameters",
    );
    for codec in rtp["codecs"].as_array().unwrap() {
        has(
            codec,
            &["mimeType", "payloadType", "clockRate", "parameters", "rtcpFeedback"],
            "consumer codec",
        );
    }
    // A header extension's `parameters` is optional for every mediasoup client (mediasoup
    // itself leaves it out when empty).
    for ext in rtp["headerExtensions"].as_array().unwrap() {
        has(ext, &["uri", "id", "encrypt"], "consumer header extension");
    }
    has(&rtp["encodings"][0], &["ssrc"], "consumer encoding");
    has(&rtp["rtcp"], &["cname", "reducedSize"], "consumer rtcp");
    v.close().await;
    b.close().await;
    server.shutdown().await.unwrap();
}
