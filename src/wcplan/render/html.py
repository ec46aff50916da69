"""The report as one self-contained HTML file: styles and charts inline (SVG), nothing fetched.

Readable on a phone: below 640 px each row of a table becomes a card, its name across the top and
every other cell beneath with its heading (`data-label`). Printable on A4: the header of each
table (`<thead>`) repeats on every page, no row splits across two pages, names keep a readable
width, and the status colours print."""

from __future__ import annotations

import html
import math

from wcplan.base.controls import visible
from wcplan.base.i18n import N_, _, language
from wcplan.render import tasktext as t
from wcplan.render import text
from wcplan.render.report import Report, marked_status, method
from wcplan.rules.status import IndicatorResult
from wcplan.rules.verdicts import Status

COLOUR = {
    Status.MET: "#2e7d32",
    Status.ON_TRACK: "#00838f",
    Status.BEHIND: "#b26a00",
    Status.OFF_TRACK: "#c62828",
    Status.NO_DATA: "#9e9e9e",  # grey: nothing to judge
    Status.UNKNOWN: "#7b1fa2",  # purple: a figure that cannot be judged, not a missing one
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
td.name { min-width: 10em; }
th, td.unit, td.outlook { white-space: nowrap; }
.status { font-weight: bold; white-space: nowrap; }
.bar { display: flex; height: .9rem; border-radius: 3px; overflow: hidden; margin: .3rem 0; }
.bar span { display: block; }
.legend span { margin-right: .8rem; font-size: .8rem; white-space: nowrap; }
.legend i { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .25rem; }
.legend svg { vertical-align: middle; margin-right: .25rem; }
svg.path { width: 150px; height: 46px; display: block; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media (max-width: 640px) {
  body { padding: .5rem; }
  .scroll { overflow: visible; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; min-width: 0; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards tr { display: flex; flex-wrap: wrap; gap: .1rem .9rem; padding: .45rem .2rem;
    border-bottom: 1px solid #ddd; }
  table.cards td { border: 0; padding: 0; text-align: left; order: 2; }
  table.cards td:empty { display: none; }
  table.cards td.id { font-weight: bold; order: 0; }
  table.cards td.name { flex: 1 1 80%; font-weight: bold; order: 0; }
  table.cards td.status, table.cards td.outlook { order: 1; }
  table.cards td.outlook { flex-basis: 50%; }
  table.cards td[data-label]::before { content: attr(data-label) " "; color: #777; font-weight: normal; }
  table.cards td.wide { flex-basis: 100%; order: 3; }
  table.cards svg.path { display: inline-block; vertical-align: middle; }
}
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  .scroll { overflow: visible; }
  table { font-size: 7.5pt; min-width: 0; width: 100%; }
  th { position: static; }
  th, td { padding: .15rem .3rem; }
  thead { display: table-header-group; }
  tr, .bar, svg { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  td.name { min-width: 13em; }
  svg.path { width: 96px; height: 30px; }
  .warn { border-left-width: 3px; }
}
"""


def escape(value: str) -> str:
    """Text in the page, as element content or an attribute value: control characters visible
    and line breaks as spaces (wcplan.base.controls), markup characters and quotes as entities."""
    return html.escape(visible(value))


def document(report: Report) -> str:
    a = report.assessment
    meta = a.plan.meta
    plan = a.plan
    title = _("{title}: {what} {when}").format(
        title=meta.title_label, what=_("progress report"), when=text.when(a)
    )
    sources = text.sources_text(report.sources)
    made = _("{number} · made on {date} · actuals from {files}").format(
        number=meta.document_number,
        date=report.made_on.isoformat(),
        files=", ".join(a.files) or _("no files"),
    )
    parts = [
        "<!doctype html>",
        f'<html lang="{"zh-CN" if language() == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(made)}<br>'
        + escape(_("Sources of the values shown: {sources}.").format(sources=sources))
        + "</p>",
        *(_note(n) for n in text.notes(a)),
        "</header>",
        f'<section id="summary"><h2>{escape(text.summary_heading(a))}</h2>',
        _bar(a.counts),
        _legend(a.counts),
    ]
    sentence = text.share_sentence(a)
    if sentence is not None:
        before, _sep, rest = escape(sentence).partition("**")
        bold, _sep, rest = rest.partition("**")
        parts.append(f"<p>{before}<strong>{bold}</strong>{rest}</p>")
    parts.append(f"</section><section><h2>{escape(_('By lead unit (牵头单位)'))}</h2>")
    parts.append(path_legend(plan))
    for card in report.units:
        heading = _("{unit} · {indicators}").format(
            unit=plan.unit_label(card.unit), indicators=text.indicators(card.total)
        )
        if card.score is not None:
            heading += " · " + _("score {score}%").format(score=text.number(card.score * 100, 0))
        parts += [
            f"<h3>{escape(heading)}</h3>",
            _bar(card.counts),
            _results(card.results, a.plan, chart=True, history=a.history),
        ]
    parts.append(f"</section><section><h2>{escape(_('What lags, furthest first'))}</h2>")
    parts.append(
        _results(report.lagging, a.plan, chart=False)
        if report.lagging
        else f"<p>{escape(_('Nothing is behind or off track.'))}</p>"
    )
    parts.append(f"</section><section><h2>{escape(_('No data'))}</h2>")
    if report.no_data:
        head = text.headers([N_("ID"), N_("Indicator"), N_("Lead unit"), N_("Why")])
        rows = [
            "<tr>"
            + _cell(str(r.indicator.id), "n id", head[0])
            + _cell(escape(r.indicator.label), "name", head[1])
            + _cell(escape(plan.unit_label(r.indicator.lead)), "wide", head[2])
            + _cell(escape(r.judgement.reason or _("no actual")), "wide", head[3])
            + "</tr>"
            for r in report.no_data
        ]
        parts.append(_table(head, rows))
    else:
        parts.append(f"<p>{escape(_('Every indicator has an actual.'))}</p>")
    if report.tasks is not None:
        parts.append(_tasks(report.tasks))
    parts.append(f"</section><section><h2>{escape(_('How statuses are judged'))}</h2><ul>")
    parts += [f"<li>{escape(m)}</li>" for m in method(a.plan)]
    parts.append("</ul></section></body></html>\n")
    return "\n".join(parts)


def _tasks(work) -> str:
    """The tasks section: per lead unit, its lines of work and its commitments."""

    def table(headers: list[str], rows: list[list[str]], numeric: set[int], wide: set[int]) -> str:
        def kind(i: int) -> str:
            return {0: "id", 1: "name"}.get(i) or ("n" if i in numeric else "wide" if i in wide else "")

        return _table(
            headers,
            [
                "<tr>" + "".join(_cell(escape(c), kind(i), headers[i]) for i, c in enumerate(row)) + "</tr>"
                for row in rows
            ],
        )

    parts = [
        f'</section><section id="tasks"><h2>{escape(t.section_title(work))}</h2>',
        f"<p>{escape(t.summary_sentence(work))}</p>",
    ]
    for unit in work.units:
        parts.append(f"<h3>{escape(work.plan.unit_label(unit.unit))}</h3>")
        if unit.lines:
            parts.append(
                table(text.headers(t.LINE_COLUMNS), [t.line_cells(r) for r in unit.lines], set(), {4})
            )
        if unit.commitments:
            rows = [t.commitment_cells(r) for r in unit.commitments]
            parts.append(table(text.headers(t.COMMITMENT_COLUMNS), rows, {3, 5, 6, 8}, set()))
    parts.append(f'<p class="meta">{escape(t.legend())}</p>')
    parts += [_note(n) for n in t.notes(work)]
    return "\n".join(parts)


def _note(note: str) -> str:
    kind = "warn" if text.is_illustrative_note(note) else "meta"
    return f'<p class="{kind}">{escape(note)}</p>'


def _bar(counts: dict[Status, int]) -> str:
    total = sum(counts.values()) or 1
    spans = "".join(
        f'<span style="width:{n / total * 100:.2f}%;background:{COLOUR[s]}" '
        f'title="{escape(text.status_label(s))}: {n}"></span>'
        for s, n in counts.items()
        if n
    )
    return f'<div class="bar" role="img" aria-label="{escape(text.counts_line(counts))}">{spans}</div>'


def _legend(counts: dict[Status, int]) -> str:
    items = "".join(
        f'<span><i style="background:{COLOUR[s]}"></i>{escape(text.status_label(s))} {n}</span>'
        for s, n in counts.items()
    )
    return f'<p class="legend">{items}</p>'


def _results(results: list[IndicatorResult], plan, chart: bool, history=None) -> str:
    head = [*text.headers(text.RESULT_COLUMNS), _("Outlook")]
    if chart:
        # the chart of targets and actuals, named apart from the Outlook (趋势) column
        head.append(_("Targets and actuals"))
    kinds = ["n id", "name", "unit", "n", "n", "n", "n", "n", "n", "status", "outlook"]
    rows = []
    for r in results:
        ind = r.indicator
        status = marked_status(r)
        values = [
            str(ind.id),
            escape(ind.label),
            escape(text.unit(ind)),
            "—" if ind.baseline is None else text.number(ind.baseline),
            text.number(r.target),
            text.number(r.actual.value) if r.actual else "",
            escape(text.gap(r)),
            text.percent(r.completion),
            text.progress(r.progress),
            escape(status),
            escape(text.outlook(r)),
        ]
        cells = [_cell(v, kinds[i], head[i]) for i, v in enumerate(values)]
        cells[9] = _cell(values[9], kinds[9], head[9], colour=COLOUR[r.status])
        if chart:
            svg = path_svg(r, plan, (history or {}).get(ind.id, {}))
            cells.append(f'<td class="wide" data-label="{escape(head[-1])}">{svg}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return _table(head, rows)


def _cell(content: str, kind: str, label: str, colour: str | None = None) -> str:
    """A cell with its classes, and its column's heading for the phone's cards (the name and the
    ID need none); `content` is HTML already."""
    classes = f' class="{kind}"' if kind else ""
    named = "" if {"id", "name"} & set(kind.split()) else f' data-label="{escape(label)}"'
    style = f' style="color:{colour}"' if colour else ""
    return f"<td{classes}{style}{named}>{content}</td>"


def _table(head: list[str], rows: list[str]) -> str:
    """A table whose header repeats on each printed page, and whose rows are cards on a phone."""
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (
        f'<div class="scroll"><table class="cards"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def path_legend(plan) -> str:
    """What the marks of the path charts mean."""

    def mark(width: int, shape: str) -> str:
        return f'<svg width="{width}" height="10" aria-hidden="true">{shape}</svg>'

    line = mark(
        22, '<line x1="1" y1="5" x2="21" y2="5" stroke="#9e9e9e" stroke-width="1.5" stroke-dasharray="3 2"/>'
    )
    dot = mark(10, f'<circle cx="5" cy="5" r="3.5" fill="{COLOUR[Status.MET]}"/>')
    earlier = mark(10, '<circle cx="5" cy="5" r="2.5" fill="#616161"/>')
    projected = mark(10, '<circle cx="5" cy="5" r="3.5" fill="none" stroke="#555" stroke-width="1.2"/>')
    items = [
        (line, _("targets from the baseline, year by year")),
        (dot, _("actual of the year, coloured by its status")),
        (earlier, _("earlier actuals")),
        (projected, _("projected {year} at the pace so far").format(year=plan.years[-1])),
    ]
    shown = "".join(f"<span>{symbol}{escape(words)}</span>" for symbol, words in items)
    title = escape(_("Targets and actuals:"))
    return f'<p class="legend"><span>{title}</span>{shown}</p>'


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
    marks = [m for m in marks if math.isfinite(m[1])]  # an overflowed projection has no place
    values = [*points.values(), *(v for _, v, _ in marks)]
    # positions from values scaled to at most 1, so that differences of huge values stay finite
    scale = max(abs(v) for v in values) or 1.0
    low, high = min(values) / scale, max(values) / scale
    span = (high - low) or 1.0
    width, height, pad = 150, 46, 5

    def xy(year: int, value: float) -> tuple[float, float]:
        x = pad + (year - years[0]) / (years[-1] - years[0]) * (width - 2 * pad)
        y = height - pad - (value / scale - low) / span * (height - 2 * pad)
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
    shown = _(", ").join(
        _("{value} in {year}").format(value=text.number(v), year=y)
        for y, v, kind in sorted(marks)
        if kind != "projected"
    )
    label = _("{name}: targets from {first} to {last}").format(name=ind.label, first=years[0], last=years[-1])
    if shown:
        label += _("; actuals {values}").format(values=shown)
    return (
        f'<svg class="path" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{''.join(shapes)}</svg>"
    )
