"""GitHub-flavoured Markdown: the status tables (for piping), the scorecards, the tasks, and the
full report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wcplan.base.controls import visible
from wcplan.base.i18n import _
from wcplan.render import tasktext, text
from wcplan.render.report import (
    LAG_COLUMNS,
    NO_DATA_COLUMNS,
    Report,
    lagging_rows,
    marked_status,
    method,
    no_data_rows,
)
from wcplan.rules.scorecards import Scorecards
from wcplan.rules.verdicts import STATUSES
from wcplan.rules.yearend import Assessment

if TYPE_CHECKING:
    # annotations only: the status tables need not build the tasks schema
    from wcplan.rules.commitments import TasksAssessment

#: What Markdown would read as markup that changes what a reader sees, as a character entity or a
#: backslash escape: a pipe would end a table cell; <, > and & would pass raw HTML (<script>,
#: <img onerror=…>) or entities; brackets would make a link or an image, a backtick a code span.
#: Emphasis (* _ ~) is left as it is: it can neither hide, link nor break anything.
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
    }
)


def escape(value: str) -> str:
    """Text in every Markdown output (a table cell or a line), shown as written: control
    characters visible and line breaks as spaces (wcplan.base.controls), so that a row stays one row,
    and no character read as markup or HTML."""
    return visible(value).translate(_ESCAPES)


def table(head: list[str], align: str, rows: list[list[str]]) -> list[str]:
    """A GitHub-flavoured Markdown table, every cell escaped. `align`: one letter per column,
    l or r (numbers right-aligned)."""
    rule = "|" + "|".join("--:" if a == "r" else "---" for a in align) + "|"
    return [
        "| " + " | ".join(escape(h) for h in head) + " |",
        rule,
        *("| " + " | ".join(escape(c) for c in row) + " |" for row in rows),
    ]


def _title(a: Assessment, what: str) -> str:
    meta = a.plan.meta
    return "# " + escape(
        _("{title}: {what} {when}").format(title=meta.title_label, what=what, when=text.when(a))
    )


def unit_tables(a: Assessment) -> list[str]:
    out = []
    outlook = any(r.projection for r in a.results)
    head = text.headers(text.RESULT_COLUMNS)
    align = "rllrrrrrrl"
    if outlook:
        head, align = [*head, _("Outlook")], align + "l"
    plan = a.plan
    for card in a.units:
        rows = [
            [
                str(r.indicator.id),
                r.indicator.label,
                text.unit(r.indicator),
                "—" if r.indicator.baseline is None else text.number(r.indicator.baseline),
                text.number(r.target),
                text.number(r.actual.value) if r.actual else "",
                text.gap(r),
                text.percent(r.completion),
                text.progress(r.progress),
                marked_status(r),
                *([text.outlook(r)] if outlook else []),
            ]
            for r in card.results
        ]
        title = _("{unit} ({indicators})").format(
            unit=plan.unit_label(card.unit), indicators=text.indicators(card.total)
        )
        out += [f"### {escape(title)}", "", *table(head, align, rows), ""]
        out += [escape(text.counts_line(card.counts)), ""]
    return out


def summary(a: Assessment) -> list[str]:
    counts, total = a.counts, len(a.results)
    rows = [
        [text.status_text(s), str(counts[s]), text.percent(counts[s] / total if total else None)]
        for s in STATUSES
    ]
    out = table([_("Status"), _("Indicators"), _("Share")], "lrr", rows)
    sentence = text.share_sentence(a)
    if sentence is not None:
        out += ["", escape(sentence)]  # escaping leaves the emphasis (**) as it is
    return out


def status_markdown(a: Assessment) -> str:
    """The status tables, for piping: `wcplan status 2022 --format markdown`."""
    lines = [
        _title(a, _("status")),
        "",
        *_notes(a),
        "## " + escape(_("By lead unit (牵头单位)")),
        "",
        *unit_tables(a),
    ]
    lines += ["## " + escape(text.summary_subject(a)[0]), "", *summary(a), ""]
    return "\n".join(lines)


def _notes(a: Assessment) -> list[str]:
    out = []
    for note in text.notes(a):
        shown = escape(note)
        out += [f"> {'**' + shown + '**' if text.is_illustrative_note(note) else shown}", ">"]
    return [*out[:-1], ""] if out else []


def report_markdown(report: Report) -> str:
    a = report.assessment
    meta = a.plan.meta
    sources = text.sources_text(report.sources)
    lines = [
        _title(a, _("progress report")),
        "",
        escape(
            _("{number} · made on {date} · actuals from {files}").format(
                number=meta.document_number,
                date=report.made_on.isoformat(),
                files=", ".join(a.files) or _("no files"),
            )
        ),
        "",
        escape(_("Sources of the values shown: {sources}.").format(sources=sources)),
        "",
        *_notes(a),
        "## " + escape(text.summary_heading(a)),
        "",
        *summary(a),
        "",
        "## " + escape(_("By lead unit (牵头单位)")),
        "",
        *unit_tables(a),
        "## " + escape(_("What lags, furthest first")),
        "",
    ]
    if report.lagging:
        lines += table(text.headers(LAG_COLUMNS), "rlllrr", lagging_rows(report))
    else:
        lines.append(escape(_("Nothing is behind or off track.")))
    lines += ["", "## " + escape(_("No data")), ""]
    if report.no_data:
        lines += table(text.headers(NO_DATA_COLUMNS), "rllll", no_data_rows(report))
    else:
        lines.append(escape(_("Every indicator has an actual.")))
    if report.tasks is not None:
        lines += ["", *tasks_section(report.tasks)]
    lines += [
        "",
        "## " + escape(_("How statuses are judged")),
        "",
        *(f"- {escape(m)}" for m in method(a.plan)),
        "",
    ]
    return "\n".join(lines)


# ── scorecards ───────────────────────────────────────────────────────────────


def scorecards_markdown(cards: Scorecards, plan, notes: list[str]) -> str:
    """`wcplan units --format markdown` (without the tasks scorecard)."""
    year, by = cards.year, cards.by
    if by == "lead":
        title = _("Scorecards {year} by lead unit (牵头单位)")
    else:
        title = _("Scorecards {year} by responsible unit (责任单位)")
    head = [_("Unit"), _("Score"), *(text.status_label(s) for s in STATUSES), _("Worst indicator")]
    rows = [
        [plan.unit_label(c.unit), text.score(c), *(str(c.counts[s]) for s in STATUSES), text.worst(c)]
        for c in cards
    ]
    lines = [
        "## " + escape(title.format(year=year)),
        "",
        escape(_("Score = (met + on track) / assessed; a unit with nothing assessed has no score (—).")),
        "",
        *table(head, "lr" + "r" * len(STATUSES) + "l", rows),
    ]
    if notes:
        lines += ["", *(f"> {escape(note)}" for note in notes)]
    return "\n".join(lines) + "\n"


def tasks_scorecards_markdown(work: TasksAssessment) -> list[str]:
    """The tasks scorecard below `wcplan units --format markdown`."""
    rows = tasktext.scorecard_rows(work)
    return [
        f"## {escape(tasktext.scorecard_title(work))}",
        "",
        escape(tasktext.scorecard_note()),
        "",
        *table(text.headers(tasktext.SCORECARD_COLUMNS), "lllrr", rows),
        "",
        *(f"> {escape(n)}" for n in tasktext.notes(work) if text.is_illustrative_note(n)),
    ]


# ── tasks ────────────────────────────────────────────────────────────────────


def tasks_section(assessment: TasksAssessment, level: int = 2) -> list[str]:
    """The tasks section of a Markdown report: one heading per lead unit, two tables each."""
    h = "#" * level
    out = [
        f"{h} {escape(tasktext.section_title(assessment))}",
        "",
        escape(tasktext.summary_sentence(assessment)),
        "",
    ]
    for unit in assessment.units:
        out += [f"{h}# {escape(assessment.plan.unit_label(unit.unit))}", ""]
        if unit.lines:
            out += [
                *table(
                    text.headers(tasktext.LINE_COLUMNS), "lllll", [tasktext.line_cells(r) for r in unit.lines]
                ),
                "",
            ]
        if unit.commitments:
            rows = [tasktext.commitment_cells(r) for r in unit.commitments]
            out += [*table(text.headers(tasktext.COMMITMENT_COLUMNS), "lllrlrrlrl", rows), ""]
    out += [escape(tasktext.legend()), ""]
    said = tasktext.notes(assessment)
    return out + [f"- {escape(n)}" for n in said] + ([""] if said else [])


def tasks_markdown(assessment: TasksAssessment) -> str:
    """`wcplan tasks --format markdown`."""
    meta = assessment.plan.meta
    title = f"# {escape(f'{meta.short_label} ({meta.document_number})')}"
    return "\n".join([title, "", *tasks_section(assessment)]).rstrip() + "\n"
