"""The report as one self-contained HTML file: styles and charts inline (SVG), nothing fetched.

Readable on a phone (tables scroll sideways, text wraps) and printable (print styles)."""

from __future__ import annotations

from html import escape

from wcplan.assess import IndicatorResult, Status
from wcplan.render import text
from wcplan.report import Report, method

COLOUR = {
    Status.MET: "#2e7d32",
    Status.ON_TRACK: "#00838f",
    Status.BEHIND: "#b26a00",
    Status.OFF_TRACK: "#c62828",
    Status.NO_DATA: "#9e9e9e",
    Status.UNKNOWN: "#9e9e9e",
}
STYLE = """
:root { font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
body { color: #222; margin: 0 auto; padding: 1rem; max-width: 72rem; line-height: 1.45; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
.meta { color: #555; font-size: .9rem; }
.warn { background: #fff4e5; border-left: 4px solid #b26a00; padding: .5rem .8rem; font-weight: bold; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: .85rem; min-width: 100%; }
th, td { border-bottom: 1px solid #eee; padding: .25rem .45rem; text-align: left; vertical-align: middle; }
th { background: #f5f5f5; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { font-weight: bold; white-space: nowrap; }
.bar { display: flex; height: .9rem; border-radius: 3px; overflow: hidden; margin: .3rem 0; }
.bar span { display: block; }
.legend span { margin-right: .8rem; font-size: .8rem; white-space: nowrap; }
.legend i { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .25rem; }
svg.path { width: 150px; height: 46px; display: block; }
@media (max-width: 600px) { body { padding: .5rem; } th, td { padding: .2rem .3rem; } }
@media print {
  body { max-width: none; } .scroll { overflow: visible; } th { position: static; }
  h2 { break-after: avoid; } tr { break-inside: avoid; }
}
"""


def document(report: Report) -> str:
    a = report.assessment
    meta = a.plan.meta
    title = f"{meta.title}: progress report {text.when(a)}"
    sources = ", ".join(f"{s} ({n})" for s, n in report.sources.items()) or "none"
    parts = [
        "<!doctype html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(meta.document_number)} · made on {report.made_on.isoformat()} · '
        f"actuals from {escape(', '.join(a.files) or 'no files')}<br>"
        f"Sources of the values shown: {escape(sources)}</p>",
        *(
            f'<p class="{"warn" if n.startswith("Illustrative") else "meta"}">{escape(n)}</p>'
            for n in text.notes(a)
        ),
        "</header>",
        '<section id="summary"><h2>Plan-wide summary</h2>',
        _bar(a.counts),
        _legend(a.counts),
    ]
    share = a.met_or_on_track_share
    if share is not None:
        parts.append(
            f"<p><strong>{share * 100:.1f}%</strong> of the {len(a.results)} indicators "
            "are met or on track.</p>"
        )
    parts.append("</section><section><h2>By lead unit (牵头单位)</h2>")
    for card in report.units:
        score = "" if card.score is None else f" · score {card.score * 100:.0f}%"
        parts += [
            f"<h3>{escape(card.unit)} · {card.total} indicator{'s' if card.total != 1 else ''}{score}</h3>",
            _bar(card.counts),
            _results(card.results, a.plan, chart=True, history=a.history),
        ]
    parts.append("</section><section><h2>What lags, furthest first</h2>")
    parts.append(
        _results(report.lagging, a.plan, chart=False)
        if report.lagging
        else "<p>Nothing is behind or off track.</p>"
    )
    parts.append("</section><section><h2>No data</h2>")
    if report.no_data:
        rows = "".join(
            f"<tr><td class=n>{r.indicator.id}</td><td>{escape(r.indicator.name)}</td>"
            f"<td>{escape(r.indicator.lead)}</td><td>{escape(r.judgement.reason or 'no actual')}</td></tr>"
            for r in report.no_data
        )
        header = "<tr><th>ID</th><th>Indicator</th><th>Lead unit</th><th>Why</th></tr>"
        parts.append(f'<div class="scroll"><table>{header}{rows}</table></div>')
    else:
        parts.append("<p>Every indicator has an actual.</p>")
    if report.tasks is not None:
        parts.append(_tasks(report.tasks))
    parts.append("</section><section><h2>How statuses are judged</h2><ul>")
    parts += [f"<li>{escape(m)}</li>" for m in method(a.plan)]
    parts.append("</ul></section></body></html>\n")
    return "\n".join(parts)


def _tasks(work) -> str:
    """The tasks section: per lead unit, its lines of work and its commitments."""
    from wcplan.render import tasks as t

    def table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        body = "".join(
            "<tr>"
            + "".join(f"<td{' class=n' if i in numeric else ''}>{escape(c)}</td>" for i, c in enumerate(row))
            + "</tr>"
            for row in rows
        )
        return f'<div class="scroll"><table><tr>{head}</tr>{body}</table></div>'

    parts = [
        f'</section><section id="tasks"><h2>Tasks and commitments {work.year}</h2>',
        f"<p>Lines of work: {escape(t.counts_text(work.line_counts, t.LINE_LABEL) or 'none')}. "
        f"Commitments: {escape(t.counts_text(work.commitment_counts, t.STATE_LABEL) or 'none')}.</p>",
    ]
    for unit in work.units:
        parts.append(f"<h3>{escape(unit.unit)}</h3>")
        if unit.lines:
            parts.append(table(t.LINE_COLUMNS, [t.line_cells(r) for r in unit.lines], set()))
        if unit.commitments:
            rows = [t.commitment_cells(r) for r in unit.commitments]
            parts.append(table(t.COMMITMENT_COLUMNS, rows, {3, 5, 6, 8}))
    parts.append(f'<p class="meta">{escape(t.LEGEND)}</p>')
    parts += [_note(n) for n in t.notes(work)]
    return "\n".join(parts)


def _note(note: str) -> str:
    kind = "warn" if note.startswith("Illustrative") else "meta"
    return f'<p class="{kind}">{escape(note)}</p>'


def _bar(counts: dict[Status, int]) -> str:
    total = sum(counts.values()) or 1
    spans = "".join(
        f'<span style="width:{n / total * 100:.2f}%;background:{COLOUR[s]}" '
        f'title="{text.STATUS_LABEL[s]}: {n}"></span>'
        for s, n in counts.items()
        if n
    )
    return f'<div class="bar" role="img" aria-label="{escape(text.counts_line(counts))}">{spans}</div>'


def _legend(counts: dict[Status, int]) -> str:
    items = "".join(
        f'<span><i style="background:{COLOUR[s]}"></i>{text.STATUS_LABEL[s]} {n}</span>'
        for s, n in counts.items()
    )
    return f'<p class="legend">{items}</p>'


def _results(results: list[IndicatorResult], plan, chart: bool, history=None) -> str:
    head = [*text.RESULT_COLUMNS, "Outlook"]
    if chart:
        head.append("Path")
    rows = []
    for r in results:
        ind = r.indicator
        status = text.status_text(r.status) + ("*" if r.provisional else "")
        cells = [
            f"<td class=n>{ind.id}</td>",
            f"<td>{escape(ind.name)}</td>",
            f"<td>{escape(ind.unit)}</td>",
            f"<td class=n>{'—' if ind.baseline is None else text.number(ind.baseline)}</td>",
            f"<td class=n>{text.number(r.target)}</td>",
            f"<td class=n>{text.number(r.actual.value) if r.actual else ''}</td>",
            f"<td class=n>{escape(text.gap(r))}</td>",
            f"<td class=n>{text.percent(r.completion)}</td>",
            f"<td class=n>{text.progress(r.progress)}</td>",
            f'<td class="status" style="color:{COLOUR[r.status]}">{escape(status)}</td>',
            f"<td>{escape(text.outlook(r))}</td>",
        ]
        if chart:
            cells.append(f"<td>{path_svg(r, plan, (history or {}).get(ind.id, {}))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    header = "".join(f"<th>{h}</th>" for h in head)
    return f'<div class="scroll"><table><tr>{header}</tr>{"".join(rows)}</table></div>'


def path_svg(r: IndicatorResult, plan, actuals: dict[int, float]) -> str:
    """The indicator's path: the baseline and yearly targets as a dashed line, the actuals of the
    years so far as dots (this year's coloured by its status), the projection to the final year
    as a ring."""
    ind = r.indicator
    years = [plan.meta.base_year, *plan.years]
    points = {y: float(ind.targets[y]) for y in plan.years}
    if ind.baseline is not None:
        points[plan.meta.base_year] = float(ind.baseline)
    marks = [(year, value, "earlier") for year, value in actuals.items() if year != r.year]
    if r.actual is not None:
        marks.append((r.year, r.actual.value, "actual"))
    if r.projection is not None and r.projection.value is not None and ind.attribute.value != "annual":
        marks.append((plan.years[-1], r.projection.value, "projected"))
    values = [*points.values(), *(v for _, v, _ in marks)]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    width, height, pad = 150, 46, 5

    def xy(year: int, value: float) -> tuple[float, float]:
        x = pad + (year - years[0]) / (years[-1] - years[0]) * (width - 2 * pad)
        y = height - pad - (value - low) / span * (height - 2 * pad)
        return round(x, 1), round(y, 1)

    line = " ".join(f"{x},{y}" for x, y in (xy(y, v) for y, v in sorted(points.items())))
    shapes = [
        f'<polyline points="{line}" fill="none" stroke="#9e9e9e" stroke-width="1.5" stroke-dasharray="3 2"/>'
    ]
    for year, value, kind in marks:
        x, y = xy(year, value)
        if kind == "actual":
            shapes.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{COLOUR[r.status]}"/>')
        elif kind == "earlier":
            shapes.append(f'<circle cx="{x}" cy="{y}" r="2.5" fill="#616161"/>')
        else:
            shapes.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="none" stroke="#555" stroke-width="1.2"/>')
    shown = ", ".join(f"{text.number(v)} in {y}" for y, v, kind in sorted(marks) if kind != "projected")
    label = f"{ind.name}: targets from {years[0]} to {years[-1]}" + (f"; actuals {shown}" if shown else "")
    return (
        f'<svg class="path" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{''.join(shapes)}</svg>"
    )
