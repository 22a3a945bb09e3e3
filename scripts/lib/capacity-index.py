#!/usr/bin/env python3
"""The capacity ramp's index page: scripts/capacity runs `sfu loadtest --json --report N.html` per
size N into one directory; this writes DIR/index.html with the capacity curve (viewers against
worker CPU and against latency p99) as inline SVG, and a table linking each size's report.
Self-contained like the reports: no script, nothing fetched.
    capacity-index.py DIR N [N ...]"""
import html
import json
import os
import sys

W, H, L, R, T, B = 560, 240, 64, 14, 30, 34


def chart(cid, title, points, limit=None):
    """A line chart of (x, y) points; `limit` a dashed (y, label) line."""
    pts = [(x, y) for x, y in points if y is not None]
    xs = [x for x, _ in points] or [0, 1]
    x0, x1 = min(xs), max(xs)
    if x1 - x0 < 1e-9:
        x0, x1 = x0 - 0.5, x1 + 0.5
    ymax = max([y for _, y in pts] + ([limit[0]] if limit else []) + [0]) * 1.1 or 1.0
    px = lambda x: L + (x - x0) / (x1 - x0) * (W - L - R)
    py = lambda y: H - B - max(y, 0) / ymax * (H - T - B)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="{cid}" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
           f'<text x="{L}" y="18" font-size="13" font-weight="bold">{html.escape(title)}</text>',
           f'<line x1="{L}" y1="{H-B}" x2="{W-R}" y2="{H-B}" stroke="#333"/><line x1="{L}" y1="{T}" x2="{L}" y2="{H-B}" stroke="#333"/>']
    for i in range(5):
        y = ymax * i / 4
        out.append(f'<line x1="{L}" y1="{py(y):.1f}" x2="{W-R}" y2="{py(y):.1f}" stroke="#e4e4e4"/>'
                   f'<text x="{L-4}" y="{py(y)+3:.1f}" font-size="10" text-anchor="end">{y:.0f}</text>')
    for x, _ in points:
        out.append(f'<text x="{px(x):.1f}" y="{H-B+14}" font-size="10" text-anchor="middle">{x:g}</text>')
    out.append(f'<text x="{(L+W-R)/2:.0f}" y="{H-4}" font-size="10" text-anchor="middle">viewers per room</text>')
    if limit:
        out.append(f'<line x1="{L}" y1="{py(limit[0]):.1f}" x2="{W-R}" y2="{py(limit[0]):.1f}" stroke="#888" stroke-dasharray="5,4"/>'
                   f'<text x="{W-R}" y="{py(limit[0])-3:.1f}" font-size="10" text-anchor="end">{html.escape(limit[1])}</text>')
    if pts:
        coords = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        out.append(f'<polyline fill="none" stroke="#1f77b4" stroke-width="1.8" points="{coords}"/>')
        out += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="#1f77b4"/>' for x, y in pts]
    else:
        out.append(f'<text x="{W/2}" y="{H/2}" font-size="12" text-anchor="middle" fill="#888">no data</text>')
    out.append("</svg>")
    return "".join(out)


def main():
    out, sizes = sys.argv[1], sys.argv[2:]
    rows = []
    for n in sizes:
        path = os.path.join(out, f"{n}.json")
        if not os.path.exists(path):
            continue
        r = json.load(open(path))
        p = r["phases"][0]
        cpu = max((w["mean_percent"] or 0 for w in p["workers"]), default=None)
        rows.append((int(n), r, p, cpu))
    if not rows:
        sys.exit("capacity-index: no report in " + out)
    name = rows[0][1]["scenario"]
    slos = {s["name"]: s["limit"] for s in rows[0][1]["slos"]}
    cpu_chart = chart("capacity-cpu", "Worker CPU (mean of the busiest worker, %)",
                      [(n, cpu) for n, _, _, cpu in rows],
                      (slos["max_worker_cpu_percent"], "SLO") if "max_worker_cpu_percent" in slos else None)
    live = rows[0][2]["mode"] == "live"
    p99_chart = chart("capacity-p99", "Latency p99 (ms" + ("" if live else ", feeds include the playback delay") + ")",
                      [(n, p["latency_ms"]["p99"]) for n, _, p, _ in rows],
                      (slos["max_latency_p99_ms"], "SLO") if live and "max_latency_p99_ms" in slos else None)
    table = ["<table><tr><th>viewers</th><th>connected</th><th>worker CPU %</th><th>p99 ms</th>"
             "<th>egress pkts / CPU-s</th><th>verdict</th><th>report</th></tr>"]
    for n, r, p, cpu in rows:
        failed = ", ".join(s["name"] for s in r["slos"] if not s["pass"])
        eff = p["egress_packets_per_cpu_second"]
        table.append(f'<tr><td>{n}</td><td>{p["viewers"]["connected"]}/{p["viewers"]["started"]}</td>'
                     f'<td>{"-" if cpu is None else f"{cpu:.0f}"}</td><td>{p["latency_ms"]["p99"]:.1f}</td>'
                     f'<td>{"-" if eff is None else f"{eff:.0f}"}</td>'
                     f'<td>{"pass" if r["passed"] else "FAIL " + html.escape(failed)}</td>'
                     f'<td><a href="{n}.html">{n}.html</a></td></tr>')
    table.append("</table>")
    title = html.escape(f"sfu capacity: {name}")
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/><title>{title}</title>'
            '<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse;font-size:13px}'
            'td,th{border:1px solid #ccc;padding:3px 8px}svg{border:1px solid #ddd;margin:6px}</style></head>'
            f'<body><h1>{title}</h1><div>{cpu_chart}{p99_chart}</div>{"".join(table)}</body></html>\n')
    open(os.path.join(out, "index.html"), "w").write(page)


main()
