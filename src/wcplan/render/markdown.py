"""GitHub-flavoured Markdown: the status tables (for piping) and the full report."""

from __future__ import annotations

from wcplan.assess import Assessment, IndicatorResult, Status
from wcplan.render import text
from wcplan.render.text import md_cell
from wcplan.report import Report, method

_STATUS_ORDER = [Status.MET, Status.ON_TRACK, Status.BEHIND, Status.OFF_TRACK, Status.NO_DATA, Status.UNKNOWN]


def _table(head: list[str], align: str, rows: list[list[str]]) -> list[str]:
    """`align`: one letter per column, l or r (numbers right-aligned)."""
    rule = "|" + "|".join("--:" if a == "r" else "---" for a in align) + "|"
    return [
        "| " + " | ".join(head) + " |",
        rule,
        *("| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows),
    ]


def _status(r: IndicatorResult) -> str:
    return text.status_text(r.status) + ("*" if r.provisional else "")


def _title(a: Assessment, what: str) -> str:
    meta = a.plan.meta
    return f"# {meta.title}: {what} {text.when(a)}"


def unit_tables(a: Assessment) -> list[str]:
    out = []
    outlook = any(r.projection for r in a.results)
    head = list(text.RESULT_COLUMNS)
    align = "rllrrrrrrl"
    if outlook:
        head, align = [*head, "Outlook"], align + "l"
    for card in a.units:
        rows = [
            [
                str(r.indicator.id),
                r.indicator.name,
                r.indicator.unit,
                "—" if r.indicator.baseline is None else text.number(r.indicator.baseline),
                text.number(r.target),
                text.number(r.actual.value) if r.actual else "",
                text.gap(r),
                text.percent(r.completion),
                text.progress(r.progress),
                _status(r),
                *([text.outlook(r)] if outlook else []),
            ]
            for r in card.results
        ]
        noun = "indicator" if card.total == 1 else "indicators"
        out += [f"### {md_cell(card.unit)} ({card.total} {noun})", "", *_table(head, align, rows), ""]
        out += [text.counts_line(card.counts), ""]
    return out


def summary(a: Assessment) -> list[str]:
    counts, total = a.counts, len(a.results)
    rows = [
        [text.status_text(s), str(counts[s]), text.percent(counts[s] / total if total else None)]
        for s in _STATUS_ORDER
    ]
    out = _table(["Status", "Indicators", "Share"], "lrr", rows)
    share = a.met_or_on_track_share
    if share is not None:
        out += ["", f"**{share * 100:.1f}%** of the {total} indicators are met or on track."]
    return out


def status_markdown(a: Assessment) -> str:
    """The status tables, for piping: `wcplan status 2022 --format markdown`."""
    lines = [_title(a, "status"), "", *_notes(a), "## By lead unit (牵头单位)", "", *unit_tables(a)]
    lines += ["## Plan-wide", "", *summary(a), ""]
    return "\n".join(lines)


def _notes(a: Assessment) -> list[str]:
    out = []
    for note in text.notes(a):
        out += [f"> {'**' + note + '**' if note.startswith('Illustrative') else note}", ">"]
    return [*out[:-1], ""] if out else []


def report_markdown(report: Report) -> str:
    a = report.assessment
    meta = a.plan.meta
    sources = ", ".join(f"{md_cell(s)} ({n})" for s, n in report.sources.items()) or "none"
    lines = [
        _title(a, "progress report"),
        "",
        f"{meta.document_number} · made on {report.made_on.isoformat()} · actuals from "
        f"{', '.join(a.files) or 'no files'}",
        "",
        f"Sources of the values shown: {sources}.",
        "",
        *_notes(a),
        "## Plan-wide summary",
        "",
        *summary(a),
        "",
        "## By lead unit (牵头单位)",
        "",
        *unit_tables(a),
        "## What lags, furthest first",
        "",
    ]
    if report.lagging:
        rows = [
            [
                str(r.indicator.id),
                r.indicator.name,
                r.indicator.lead,
                _status(r),
                text.progress(r.progress),
                text.gap(r),
            ]
            for r in report.lagging
        ]
        lines += _table(["ID", "Indicator", "Lead unit", "Status", "Progr.", "Gap"], "rlllrr", rows)
    else:
        lines.append("Nothing is behind or off track.")
    lines += ["", "## No data", ""]
    if report.no_data:
        rows = [
            [
                str(r.indicator.id),
                r.indicator.name,
                r.indicator.lead,
                _status(r),
                r.judgement.reason or "no actual",
            ]
            for r in report.no_data
        ]
        lines += _table(["ID", "Indicator", "Lead unit", "Status", "Why"], "rllll", rows)
    else:
        lines.append("Every indicator has an actual.")
    if report.tasks is not None:
        from wcplan.render.tasks import markdown_section

        lines += ["", *markdown_section(report.tasks)]
    lines += ["", "## How statuses are judged", "", *(f"- {m}" for m in method(a.plan)), ""]
    return "\n".join(lines)
