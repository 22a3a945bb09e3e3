//! Line charts as inline SVG: no script, no font files, no network. Pure functions from
//! numbers to markup; the HTML report embeds what they return.

use std::fmt::Write;

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 30.0;
const COLORS: [&str; 8] = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
];

/// One line: (x, y) points; a `None` y breaks the line.
#[derive(Debug, Clone, Default)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, Option<f64>)>,
}

/// A shaded stretch of the x axis (a phase of the run).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub from: f64,
    pub to: f64,
    pub label: String,
}

#[derive(Debug, Clone, Default)]
pub struct Chart {
    /// The `<svg>` element's id.
    pub id: String,
    pub title: String,
    /// What the y axis counts (shown after the title).
    pub unit: String,
    pub series: Vec<Series>,
    pub bands: Vec<Band>,
    /// A dashed horizontal line (a cap, an SLO limit) and its label.
    pub limit: Option<(f64, String)>,
}

/// `s` safe inside SVG/HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A short label for an axis value: 1.2k, 3.4M, 0.25.
pub fn short(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{:.1}G", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if a >= 100.0 || a == 0.0 {
        format!("{v:.0}")
    } else if a >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// The ranges the chart covers: x over points and bands, y from 0 to the highest value (or the
/// limit), never empty.
fn ranges(chart: &Chart) -> ((f64, f64), f64) {
    let xs = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .chain(chart.bands.iter().flat_map(|b| [b.from, b.to]))
        .filter(|x| x.is_finite());
    let (lo, hi) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (lo, hi) = if lo > hi {
        (0.0, 1.0)
    } else if hi - lo < 1e-9 {
        (lo - 0.5, hi + 0.5)
    } else {
        (lo, hi)
    };
    let ymax = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.1))
        .chain(chart.limit.as_ref().map(|l| l.0))
        .filter(|y| y.is_finite())
        .fold(0.0f64, f64::max);
    let ymax = if ymax <= 0.0 { 1.0 } else { ymax * 1.1 };
    ((lo, hi), ymax)
}

struct Frame {
    x: (f64, f64),
    ymax: f64,
}

impl Frame {
    fn px(&self, x: f64) -> f64 {
        LEFT + (x - self.x.0) / (self.x.1 - self.x.0) * (WIDTH - LEFT - RIGHT)
    }

    fn py(&self, y: f64) -> f64 {
        HEIGHT - BOTTOM - y.max(0.0) / self.ymax * (HEIGHT - TOP - BOTTOM)
    }
}

/// The chart as one `<svg>` element.
pub fn render(chart: &Chart) -> String {
    let (x, ymax) = ranges(chart);
    let f = Frame { x, ymax };
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" id="{}" class="chart" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}">"#,
        escape(&chart.id),
        escape(&chart.title)
    );
    let unit = if chart.unit.is_empty() {
        String::new()
    } else {
        format!(" ({})", escape(&chart.unit))
    };
    let _ = write!(
        out,
        r#"<text x="{LEFT}" y="16" font-size="13" font-weight="bold">{}{unit}</text>"#,
        escape(&chart.title)
    );
    bands(&mut out, chart, &f);
    axes(&mut out, &f);
    if let Some((y, label)) = &chart.limit {
        let py = f.py(*y);
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{py:.1}" x2="{:.1}" y2="{py:.1}" stroke="#888" stroke-dasharray="5,4"/><text x="{:.1}" y="{:.1}" font-size="10" text-anchor="end" fill="#555">{}</text>"##,
            WIDTH - RIGHT,
            WIDTH - RIGHT,
            py - 3.0,
            escape(label)
        );
    }
    let drawn = chart.series.iter().any(|s| s.points.iter().any(|p| p.1.is_some()));
    if drawn {
        for (i, s) in chart.series.iter().enumerate() {
            line(&mut out, s, COLORS[i % COLORS.len()], &f);
        }
        legend(&mut out, chart);
    } else {
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#888">no data</text>"##,
            (LEFT + WIDTH - RIGHT) / 2.0,
            HEIGHT / 2.0
        );
    }
    out.push_str("</svg>");
    out
}

fn bands(out: &mut String, chart: &Chart, f: &Frame) {
    for (i, b) in chart.bands.iter().enumerate() {
        let (x0, x1) = (f.px(b.from), f.px(b.to));
        let fill = if i % 2 == 0 { "#eef3fb" } else { "#f6f6f6" };
        let _ = write!(
            out,
            r##"<rect x="{x0:.1}" y="{TOP}" width="{:.1}" height="{:.1}" fill="{fill}"/><text x="{:.1}" y="{:.1}" font-size="10" fill="#667">{}</text>"##,
            (x1 - x0).max(0.0),
            HEIGHT - TOP - BOTTOM,
            x0 + 3.0,
            TOP + 11.0,
            escape(&b.label)
        );
    }
}

fn axes(out: &mut String, f: &Frame) {
    let (bottom, right) = (HEIGHT - BOTTOM, WIDTH - RIGHT);
    let _ = write!(
        out,
        r##"<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#333"/><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="#333"/>"##
    );
    for i in 0..=4 {
        let y = f.ymax * i as f64 / 4.0;
        let py = f.py(y);
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{py:.1}" x2="{right}" y2="{py:.1}" stroke="#e4e4e4"/><text x="{:.1}" y="{:.1}" font-size="10" text-anchor="end">{}</text>"##,
            LEFT - 4.0,
            py + 3.0,
            short(y)
        );
        let x = f.x.0 + (f.x.1 - f.x.0) * i as f64 / 4.0;
        let anchor = match i {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="{anchor}">{} s</text>"#,
            f.px(x),
            bottom + 14.0,
            short(x)
        );
    }
}

/// The series as polylines broken at gaps; a point with no neighbour is a dot.
fn line(out: &mut String, s: &Series, color: &str, f: &Frame) {
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for &(x, y) in &s.points {
        match y.filter(|y| y.is_finite() && x.is_finite()) {
            Some(y) => runs.last_mut().expect("one run at least").push((f.px(x), f.py(y))),
            None => runs.push(Vec::new()),
        }
    }
    for run in runs.iter().filter(|r| !r.is_empty()) {
        if let [(x, y)] = run[..] {
            let _ = write!(out, r#"<circle cx="{x:.1}" cy="{y:.1}" r="2.5" fill="{color}"/>"#);
            continue;
        }
        let pts: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            out,
            r#"<polyline fill="none" stroke="{color}" stroke-width="1.6" points="{}"/>"#,
            pts.join(" ")
        );
    }
}

fn legend(out: &mut String, chart: &Chart) {
    let mut x = WIDTH - RIGHT;
    for (i, s) in chart.series.iter().enumerate().rev() {
        x -= 14.0 + 6.5 * s.name.chars().count() as f64;
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="8" width="10" height="10" fill="{}"/><text x="{:.1}" y="17" font-size="11">{}</text>"#,
            COLORS[i % COLORS.len()],
            x + 13.0,
            escape(&s.name)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(series: Vec<Series>) -> Chart {
        Chart {
            id: "c".into(),
            title: "T".into(),
            unit: "ms".into(),
            series,
            ..Chart::default()
        }
    }

    fn series(name: &str, points: &[(f64, Option<f64>)]) -> Series {
        Series {
            name: name.into(),
            points: points.to_vec(),
        }
    }

    use crate::loadtest::xml_check::{parse, Element};

    /// Parses as XML with one `<svg>` root (the SVG is well-formed).
    fn well_formed(svg: &str) -> Vec<Element> {
        let doc = parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        assert_eq!(doc[0].name, "svg");
        doc
    }

    fn count(doc: &[Element], tag: &str) -> usize {
        doc.iter().filter(|e| e.name == tag).count()
    }

    #[test]
    fn a_chart_is_well_formed_svg_with_its_lines() {
        let c = chart(vec![
            series("p50", &[(0.0, Some(1.0)), (1.0, Some(2.0)), (2.0, Some(1.5))]),
            series("p99", &[(0.0, Some(5.0)), (1.0, None), (2.0, Some(7.0))]),
        ]);
        let svg = render(&c);
        let doc = well_formed(&svg);
        // p50 is one line; p99 is broken by its gap into two lone points.
        assert_eq!((count(&doc, "polyline"), count(&doc, "circle")), (1, 2));
        assert_eq!(doc[0].attribute("id"), Some("c"));
    }

    #[test]
    fn names_are_escaped() {
        let mut c = chart(vec![series("<a&b>", &[(0.0, Some(1.0)), (1.0, Some(1.0))])]);
        c.title = "loss \"live\" & <feed>".into();
        c.bands = vec![Band {
            from: 0.0,
            to: 1.0,
            label: "ph'ase<1>".into(),
        }];
        c.limit = Some((2.0, "cap <x>".into()));
        let svg = render(&c);
        let doc = well_formed(&svg);
        let texts: Vec<&str> = doc.iter().map(|e| e.text.as_str()).collect();
        for want in ["<a&b>", "ph'ase<1>", "cap <x>"] {
            assert!(texts.contains(&want), "{want} not in {texts:?}");
        }
        assert!(!svg.contains("<a&b>") && !svg.contains("<feed>"));
    }

    #[test]
    fn empty_series_say_no_data() {
        for c in [
            chart(Vec::new()),
            chart(vec![series("x", &[])]),
            chart(vec![series("x", &[(0.0, None)])]),
        ] {
            let svg = render(&c);
            let doc = well_formed(&svg);
            assert!(svg.contains("no data"), "{svg}");
            assert_eq!(count(&doc, "polyline"), 0);
        }
    }

    #[test]
    fn one_point_is_a_dot_inside_the_plot() {
        let svg = render(&chart(vec![series("x", &[(3.0, Some(4.0))])]));
        let doc = well_formed(&svg);
        let dot = doc.iter().find(|e| e.name == "circle").expect("a dot");
        let cx: f64 = dot.attribute("cx").unwrap().parse().unwrap();
        let cy: f64 = dot.attribute("cy").unwrap().parse().unwrap();
        assert!(
            (LEFT..=WIDTH - RIGHT).contains(&cx) && (TOP..=HEIGHT - BOTTOM).contains(&cy),
            "{cx},{cy}"
        );
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn short_labels() {
        assert_eq!(short(0.0), "0");
        assert_eq!(short(0.25), "0.25");
        assert_eq!(short(12_500.0), "12k");
        assert_eq!(short(3_400_000.0), "3.4M");
    }
}
