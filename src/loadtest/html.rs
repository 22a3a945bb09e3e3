//! The load test's and the soak's report as one self-contained HTML page: the verdicts in words
//! at the top, then the run over time as inline SVG charts (no script, no stylesheet or font
//! from anywhere). Built from the same report the JSON shows.

use std::fmt::Write;

use super::cluster_report::ClusterPhaseReport;
use super::report::{LoadReport, SloResult};
use super::soak::SoakReport;
use super::svg::{escape, render, Band, Chart, Series};
use super::timeline::TimePoint;

/// The ids of the charts every report holds, in page order.
pub const CHART_IDS: [&str; 10] = [
    "chart-peers",
    "chart-loss",
    "chart-latency",
    "chart-worker-cpu",
    "chart-egress-per-cpu",
    "chart-buffer",
    "chart-evictions",
    "chart-rss",
    "chart-feed-lateness",
    "chart-switches",
];

const STYLE: &str = "body{font-family:sans-serif;margin:24px;max-width:1180px;color:#222}\
h1{font-size:22px}h2{font-size:17px;margin-top:28px}\
.verdict{font-size:18px;padding:10px 14px;border-radius:6px}\
.pass{background:#e3f4e1;color:#17561b}.fail{background:#fbe3e1;color:#8a1a12}\
ul.slos li{margin:3px 0}.slos .bad{color:#8a1a12;font-weight:bold}\
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}\
th:first-child,td:first-child{text-align:left}\
.charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{border:1px solid #ddd;background:#fff}";

/// The load test's report page.
pub fn load_report(r: &LoadReport) -> String {
    let title = format!("sfu loadtest: {}", r.scenario);
    let mut body = String::new();
    let _ = write!(
        body,
        "<p>Target {}, {:.1} s, {} phases, {} server samples.</p>",
        escape(&r.target),
        r.duration_s,
        r.phases.len(),
        r.server.samples
    );
    body.push_str(&verdicts(r.passed, &r.slos, "SLO"));
    body.push_str(&phase_table(r));
    for p in &r.phases {
        if let Some(c) = &p.cluster {
            body.push_str(&cluster_table(&p.name, c));
        }
    }
    body.push_str(&charts_section(&r.timeline));
    page(&title, &body)
}

/// The soak's report page.
pub fn soak_report(r: &SoakReport) -> String {
    let title = format!("sfu soak: {}", r.scenario);
    let mut body = String::new();
    let _ = write!(
        body,
        "<p>Target {}, {:.1} s: {} viewer runs, {} broadcaster runs, {}/{} peers connected, {} sockets cut.</p>",
        escape(&r.target),
        r.duration_s,
        r.viewer_runs,
        r.broadcaster_runs,
        r.peers_connected,
        r.peers_started,
        r.socket_cuts
    );
    body.push_str(&verdicts(r.passed, &r.checks, "check"));
    body.push_str(&charts_section(&r.timeline));
    page(&title, &body)
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>{t}</title><style>{STYLE}</style></head><body><h1>{t}</h1>{body}</body></html>\n",
        t = escape(title)
    )
}

/// One verdict in words: "max_loss_percent held: 0.120 <= 1 (limit)".
pub fn verdict_line(s: &SloResult) -> String {
    let value = s.value.map_or("not measured".to_string(), |v| format!("{v:.3}"));
    let word = if s.pass { "held" } else { "FAILED" };
    let mut line = format!("{} {word}: {value} (limit {} {})", s.name, s.op, s.limit);
    if let Some(d) = &s.detail {
        let _ = write!(line, ". {d}");
    }
    line
}

fn verdicts(passed: bool, slos: &[SloResult], what: &str) -> String {
    let failed = slos.iter().filter(|s| !s.pass).count();
    let (class, headline) = if passed {
        ("pass", format!("Passed: all {} {what}s held.", slos.len()))
    } else {
        (
            "fail",
            format!("Failed: {failed} of {} {what}s did not hold.", slos.len()),
        )
    };
    let mut out = format!(
        "<p class=\"verdict {class}\" id=\"verdict\">{}</p><ul class=\"slos\">",
        escape(&headline)
    );
    for s in slos {
        let class = if s.pass { "ok" } else { "bad" };
        let _ = write!(out, "<li class=\"{class}\">{}</li>", escape(&verdict_line(s)));
    }
    out.push_str("</ul>");
    out
}

fn phase_table(r: &LoadReport) -> String {
    let mut out = String::from(
        "<h2>Phases</h2><table><tr><th>phase</th><th>mode</th><th>rooms</th><th>viewers connected</th>\
<th>loss %</th><th>latency p50 ms</th><th>latency p99 ms</th><th>egress pkts / worker CPU-s</th></tr>",
    );
    for p in &r.phases {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{:?}</td><td>{}</td><td>{}/{}</td><td>{:.3}</td><td>{:.1}</td><td>{:.1}</td><td>{}</td></tr>",
            escape(&p.name),
            p.mode,
            p.rooms,
            p.viewers.connected,
            p.viewers.started,
            p.loss_percent,
            p.latency_ms.p50,
            p.latency_ms.p99,
            p.egress_packets_per_cpu_second.map_or("-".to_string(), |v| format!("{v:.0}"))
        );
    }
    out.push_str("</table>");
    out
}

/// A `[cluster]` phase, node by node (the home marked), and the costs estimated from its
/// windows; the targets are among the verdicts at the top.
fn cluster_table(phase: &str, c: &ClusterPhaseReport) -> String {
    let pct = |v: Option<f64>, digits: usize| v.map_or("-".to_string(), |v| format!("{v:.digits$} %"));
    let num = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.2}"));
    let mut out = format!(
        "<h2>Cluster nodes, phase {}</h2><p>Home node {}, {} producers, {} pipes. Added latency p99 (edges - home) {} ms; \
worker CPU of a pipe out {}, of a consumer beside it {} (a pipe costs {} of those), of a consumer in the phase {} \
({} of those), of a pipe in {}.</p>",
        escape(phase),
        c.home,
        c.producers,
        c.pipes,
        num(c.added_latency_p99_ms),
        pct(c.pipe_cpu_percent, 3),
        pct(c.consumer_alone_cpu_percent, 3),
        num(c.pipe_cost_consumers),
        pct(c.consumer_cpu_percent, 3),
        num(c.pipe_cost_marginal_consumers),
        pct(c.pipe_in_cpu_percent, 3),
    );
    out.push_str(
        "<table class=\"nodes\"><tr><th>node</th><th>viewers connected</th><th>worker CPU</th><th>CPU per viewer</th>\
<th>marginal CPU per viewer</th><th>steady marginal CPU per viewer</th><th>egress pkts / worker CPU-s</th><th>pipes out / in</th><th>pipe packets out / in</th>\
<th>loss %</th><th>latency p50 / p99 ms</th><th>feed breaks</th></tr>",
    );
    for n in &c.nodes {
        let _ = write!(
            out,
            "<tr><td>{}{}</td><td>{}/{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} / {}</td><td>{} / {}</td>\
<td>{:.3}</td><td>{:.2} / {:.2}</td><td>{}</td></tr>",
            n.node,
            if n.home { " (home)" } else { "" },
            n.viewers.connected,
            n.viewers.started,
            pct(n.worker_cpu_percent, 1),
            pct(n.cpu_per_viewer_percent, 3),
            pct(n.marginal_cpu_per_viewer_percent, 3),
            pct(n.steady_marginal_cpu_per_viewer_percent, 3),
            n.egress_packets_per_cpu_second.map_or("-".to_string(), |v| format!("{v:.0}")),
            n.pipes_out,
            n.pipes_in,
            n.pipe_packets_out,
            n.pipe_packets_in,
            n.loss_percent,
            n.latency_ms.p50,
            n.latency_ms.p99,
            n.feed_breaks,
        );
    }
    out.push_str("</table>");
    out
}

fn charts_section(timeline: &[TimePoint]) -> String {
    let mut out = String::from("<h2>Over time</h2><div class=\"charts\">");
    for c in charts(timeline) {
        out.push_str(&render(&c));
    }
    out.push_str("</div>");
    out
}

/// Stretches of consecutive points in the same phase.
pub fn phase_bands(timeline: &[TimePoint]) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    let mut previous_t = timeline.first().map_or(0.0, |p| (p.t_s - 1.0).max(0.0));
    for p in timeline {
        match (&p.phase, bands.last_mut()) {
            (Some(name), Some(b)) if b.label == *name && (b.to - previous_t).abs() < 1e-9 => b.to = p.t_s,
            (Some(name), _) => bands.push(Band {
                from: previous_t,
                to: p.t_s,
                label: name.clone(),
            }),
            (None, _) => {}
        }
        previous_t = p.t_s;
    }
    bands
}

fn series(name: &str, timeline: &[TimePoint], f: impl Fn(&TimePoint) -> Option<f64>) -> Series {
    Series {
        name: name.to_string(),
        points: timeline.iter().map(|p| (p.t_s, f(p))).collect(),
    }
}

fn chart(id: &str, title: &str, unit: &str, series: Vec<Series>) -> Chart {
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        unit: unit.to_string(),
        series,
        ..Chart::default()
    }
}

/// One series per worker seen in the timeline.
fn worker_series(t: &[TimePoint]) -> Vec<Series> {
    let mut workers: Vec<usize> = t.iter().flat_map(|p| p.workers.iter().map(|w| w.worker)).collect();
    workers.sort_unstable();
    workers.dedup();
    workers
        .into_iter()
        .map(|i| {
            series(&format!("worker {i}"), t, |p| {
                p.workers.iter().find(|w| w.worker == i).and_then(|w| w.cpu_percent)
            })
        })
        .collect()
}

/// The report's charts, ids as [`CHART_IDS`].
pub fn charts(t: &[TimePoint]) -> Vec<Chart> {
    const MIB: f64 = 1048576.0;
    let cap = t.iter().map(|p| p.buffer_cap_bytes).max().unwrap_or(0);
    let mut buffer = chart(
        "chart-buffer",
        "Utterance buffer",
        "MiB",
        vec![series("bytes", t, |p| Some(p.buffer_bytes as f64 / MIB))],
    );
    buffer.limit = (cap > 0).then(|| (cap as f64 / MIB, format!("cap {:.1} MiB", cap as f64 / MIB)));
    let mut out = vec![
        chart(
            "chart-peers",
            "Peers joined",
            "server",
            vec![series("peers", t, |p| Some(p.peers as f64))],
        ),
        chart(
            "chart-loss",
            "Live viewers' loss",
            "%",
            vec![series("loss", t, |p| p.loss_percent)],
        ),
        chart(
            "chart-latency",
            "One-way latency",
            "ms; feeds include the playback delay",
            vec![
                series("p50", t, |p| p.latency_p50_ms),
                series("p99", t, |p| p.latency_p99_ms),
            ],
        ),
        chart("chart-worker-cpu", "Worker CPU", "% of one core", worker_series(t)),
        chart(
            "chart-egress-per-cpu",
            "Egress per worker CPU-second",
            "packets",
            vec![series("packets / CPU-s", t, |p| p.egress_packets_per_cpu_second)],
        ),
        buffer,
        chart(
            "chart-evictions",
            "Buffer evictions",
            "per second",
            vec![
                series("evicted", t, |p| Some(p.evictions as f64)),
                series("while read", t, |p| Some(p.evictions_while_read as f64)),
            ],
        ),
        chart(
            "chart-rss",
            "Resident memory",
            "MiB",
            vec![series("RSS", t, |p| p.rss_bytes.map(|b| b as f64 / MIB))],
        ),
        chart(
            "chart-feed-lateness",
            "Feed lateness",
            "ms, since the server started",
            vec![
                series("p50", t, |p| p.feed_lateness_p50_ms),
                series("p99", t, |p| p.feed_lateness_p99_ms),
            ],
        ),
        chart(
            "chart-switches",
            "Feed switches",
            "per second",
            vec![series("switches", t, |p| Some(p.switches_per_sec))],
        ),
    ];
    let bands = phase_bands(t);
    for c in &mut out {
        c.bands = bands.clone();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loadtest::timeline::WorkerPoint;
    use crate::loadtest::xml_check::parse;
    use crate::loadtest::ServerReport;

    fn point(t: f64, phase: Option<&str>) -> TimePoint {
        TimePoint {
            t_s: t,
            phase: phase.map(str::to_string),
            peers: 4,
            loss_percent: Some(0.5),
            latency_p50_ms: Some(20.0),
            latency_p99_ms: Some(40.0),
            workers: vec![WorkerPoint {
                worker: 0,
                cpu_percent: Some(30.0),
            }],
            egress_packets_per_cpu_second: Some(5000.0),
            rss_bytes: Some(50 << 20),
            buffer_bytes: 1 << 20,
            buffer_cap_bytes: 4 << 20,
            evictions: 0,
            evictions_while_read: 0,
            feed_lateness_p50_ms: None,
            feed_lateness_p99_ms: None,
            switches_per_sec: 0.0,
        }
    }

    fn report(timeline: Vec<TimePoint>, slos: Vec<SloResult>) -> LoadReport {
        LoadReport {
            scenario: "smoke <&>".into(),
            target: "in-process".into(),
            duration_s: 3.0,
            phases: Vec::new(),
            server: ServerReport::default(),
            timeline,
            passed: slos.iter().all(|s| s.pass),
            slos,
        }
    }

    #[test]
    fn a_page_is_well_formed_with_every_chart_and_the_verdicts_first() {
        let slos = vec![
            SloResult::at_most("max_loss_percent", Some(0.5), 1.0),
            SloResult::at_most("max_latency_p99_ms", None, 400.0),
        ];
        let t = vec![point(1.0, Some("warm")), point(2.0, Some("warm")), point(3.0, None)];
        let html = load_report(&report(t, slos));
        let doc = parse(&html).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = doc
            .iter()
            .filter(|e| e.name == "svg")
            .filter_map(|e| e.attribute("id"))
            .collect();
        assert_eq!(ids, CHART_IDS);
        let verdict = doc.iter().find(|e| e.attribute("id") == Some("verdict")).unwrap();
        assert_eq!(verdict.text, "Failed: 1 of 2 SLOs did not hold.");
        assert!(html.find("verdict").unwrap() < html.find("<svg").unwrap());
        assert!(html.contains("max_latency_p99_ms FAILED: not measured (limit &lt;= 400)"));
        assert!(doc
            .iter()
            .any(|e| e.name == "title" && e.text == "sfu loadtest: smoke <&>"));
        // Nothing to fetch: no script, no link, no src/href to anywhere.
        assert!(
            !html.contains("<script") && !html.contains("<link") && !html.contains(" src=") && !html.contains(" href=")
        );
        let namespaces = html.matches(r#"xmlns="http://www.w3.org/2000/svg""#).count();
        assert_eq!(
            html.matches("http").count(),
            namespaces,
            "a URL other than the SVG namespace"
        );
    }

    #[test]
    fn an_empty_timeline_still_has_every_chart() {
        let html = load_report(&report(Vec::new(), Vec::new()));
        let doc = parse(&html).unwrap();
        assert_eq!(doc.iter().filter(|e| e.name == "svg").count(), CHART_IDS.len());
        assert!(html.contains("Passed: all 0 SLOs held."));
    }

    #[test]
    fn a_soak_page_has_its_checks_and_every_chart() {
        let mut r = crate::loadtest::soak::tests::clean();
        r.scenario = "churn".into();
        r.timeline = vec![point(1.0, Some("churn")), point(2.0, Some("churn"))];
        r.checks = vec![SloResult::at_most("leaks", Some(0.0), 0.0).with_detail("nothing left".into())];
        r.passed = true;
        let html = soak_report(&r);
        let doc = parse(&html).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = doc
            .iter()
            .filter(|e| e.name == "svg")
            .filter_map(|e| e.attribute("id"))
            .collect();
        assert_eq!(ids, CHART_IDS);
        assert!(html.contains("Passed: all 1 checks held."), "{html}");
        assert!(
            html.contains("leaks held: 0.000 (limit &lt;= 0). nothing left"),
            "{html}"
        );
    }

    #[test]
    fn bands_follow_the_phases() {
        let t = vec![
            point(1.0, Some("a")),
            point(2.0, Some("a")),
            point(3.0, None),
            point(4.0, Some("b")),
        ];
        let b = phase_bands(&t);
        let got: Vec<(f64, f64, &str)> = b.iter().map(|b| (b.from, b.to, b.label.as_str())).collect();
        assert_eq!(got, [(0.0, 2.0, "a"), (3.0, 4.0, "b")]);
        assert!(phase_bands(&[]).is_empty());
    }
}
