"""Tasks, lines of work and commitments: terminal tables, Markdown and JSON."""

from __future__ import annotations

from wcplan import units
from wcplan.assess import Status
from wcplan.assess_tasks import (
    NO_REPORT,
    NOT_DUE,
    CommitmentResult,
    LineResult,
    TasksAssessment,
    UnitTasks,
)
from wcplan.i18n import N_, _
from wcplan.outlook import Outlook
from wcplan.plan import Attribute
from wcplan.progress import WorkStatus
from wcplan.render import text

#: Line-of-work statuses (Chinese: 未启动 / 推进中 / 已完成 / 滞后, the words a progress file may use).
LINE_LABEL = {
    WorkStatus.NOT_STARTED.value: N_("not started"),
    WorkStatus.IN_PROGRESS.value: N_("in progress"),
    WorkStatus.DONE.value: N_("done"),
    WorkStatus.LAGGING.value: N_("lagging"),
    NO_REPORT: N_("no report"),
}
LINE_SYMBOL = {
    WorkStatus.NOT_STARTED.value: "·",
    WorkStatus.IN_PROGRESS.value: "~",
    WorkStatus.DONE.value: "✓",
    WorkStatus.LAGGING.value: "!",
    NO_REPORT: "-",
}
LINE_STYLE = {
    WorkStatus.NOT_STARTED.value: "dim",
    WorkStatus.IN_PROGRESS.value: "cyan",
    WorkStatus.DONE.value: "green",
    WorkStatus.LAGGING.value: "yellow",
    NO_REPORT: "dim",
}
STATE_LABEL = {**{s.value: label for s, label in text.STATUS_LABEL.items()}, NOT_DUE: N_("not due")}
#: The columns every format shows for a commitment, in this order (translated where shown).
COMMITMENT_COLUMNS = [
    N_("ID"),
    N_("Commitment"),
    N_("Unit"),
    N_("Target"),
    N_("Due"),
    N_("Value"),
    N_("Gap"),
    N_("Status"),
    N_("Plan"),
    N_("Outlook"),
]
LINE_COLUMNS = [N_("ID"), N_("Line of work"), N_("Status"), N_("Date"), N_("Note")]


def line_status(r: LineResult) -> str:
    return f"{LINE_SYMBOL[r.state]} {_(LINE_LABEL[r.state])}"


def state_text(r: CommitmentResult) -> str:
    if r.due:
        return text.status_text(r.judgement.status)
    return f"… {_(STATE_LABEL[NOT_DUE])}"


def due(r: CommitmentResult) -> str:
    c = r.commitment
    if c.yearly:
        return _("yearly")
    return f"{c.due}" if c.deadline_stated else f"({c.due})"


def target(r: CommitmentResult) -> str:
    c = r.commitment
    return f"{c.comparison.symbol(c.direction, ascii=False)}{text.number(c.target)}"


def gap(r: CommitmentResult) -> str:
    return text.number(r.gap, sign=True)


def plan_so_far(r: CommitmentResult) -> str:
    if r.so_far is None:
        return ""
    value = r.so_far.completion if r.so_far.completion is not None else r.so_far.progress
    return text.percent(value)


def outlook(r: CommitmentResult) -> str:
    return text.outlook_label(r.projection.outlook) if r.projection else ""


def name(r: CommitmentResult) -> str:
    c = r.commitment
    return c.label + (" " + _("(力争)") if c.strive else "")


def commitment_cells(r: CommitmentResult) -> list[str]:
    """The COMMITMENT_COLUMNS of one commitment, as text."""
    return [
        r.commitment.id,
        name(r),
        units.label(r.commitment.unit, short=True),
        target(r),
        due(r),
        text.number(r.value),
        gap(r),
        state_text(r),
        plan_so_far(r),
        outlook(r),
    ]


def line_cells(r: LineResult) -> list[str]:
    latest = r.latest
    date = latest.date.isoformat() if latest else ""
    return [r.line.id, r.line.label, line_status(r), date, (latest.note or "") if latest else ""]


def counts_text(counts: dict[str, int], labels: dict[str, str]) -> str:
    return " · ".join(f"{_(labels[k])} {n}" for k, n in counts.items() if n)


def section_title(assessment: TasksAssessment) -> str:
    return _("Tasks and commitments {year}").format(year=assessment.year)


def summary_sentence(assessment: TasksAssessment) -> str:
    """'Lines of work: in progress 13 · done 1. Commitments: on track 1 · not due 27.'"""
    return _("Lines of work: {lines}. Commitments: {commitments}.").format(
        lines=counts_text(assessment.line_counts, LINE_LABEL) or _("none"),
        commitments=counts_text(assessment.commitment_counts, STATE_LABEL) or _("none"),
    )


def notes(assessment: TasksAssessment) -> list[str]:
    """Sentences every output of this assessment carries."""
    out = []
    shown = [r for r in assessment.commitments if r.records] + [r for r in assessment.lines if r.latest]
    made_up = [r for r in shown if r.illustrative]
    if made_up:
        out.append(
            _(
                "Illustrative data: {n} of the {total} figures and statuses shown are made-up illustrative "
                "values (source 'illustrative'), not published figures; do not cite them."
            ).format(n=len(made_up), total=len(shown))
        )
    unnamed = [r.commitment.id for r in assessment.commitments if not r.commitment.lead_named]
    if unnamed:
        out.append(
            _(
                "The plan names no lead unit for {ids}: they are shown under the lead units of their task "
                "(Attachment 2)."
            ).format(ids=", ".join(unnamed))
        )
    stated = [r.commitment.id for r in assessment.commitments if not r.commitment.deadline_stated]
    if stated:
        out.append(
            _(
                "The text gives no year for {ids}: they are judged in the plan's last year ({year}), shown "
                "in brackets."
            ).format(ids=", ".join(stated), year=assessment.plan.years[-1])
        )
    for r in assessment.commitments:
        if r.missing:
            out.append(
                _("{id} is measured by indicator {indicators}, which has no {year} actual.").format(
                    id=r.commitment.id, indicators=", ".join(map(str, r.missing)), year=r.year
                )
            )
        earlier = sorted(y for y in r.history if y < r.year)
        level = r.commitment.attribute is not Attribute.ANNUAL
        if level and r.commitment.baseline is None and earlier and r.value is not None:
            out.append(
                _("{id} has no baseline: its progress is measured from its {year} value ({value}).").format(
                    id=r.commitment.id, year=earlier[0], value=text.number(r.history[earlier[0]])
                )
            )
        if r.due and r.judgement.status is Status.UNKNOWN and r.judgement.reason:
            out.append(_("{id} is unknown: {reason}.").format(id=r.commitment.id, reason=r.judgement.reason))
    stale = [r for r in assessment.lines if r.stale]
    if stale:
        out.append(
            _("No report of {year} for {ids}: the latest earlier report is shown.").format(
                year=assessment.year, ids=", ".join(r.line.id for r in stale)
            )
        )
    return out


def legend() -> str:
    return _(
        "Due: the year a commitment is judged (yearly: every year); before then it is not due, with "
        "Plan = progress to its target so far and Outlook = projected to the final year at the pace so far. "
        "力争: the plan only strives for it. Commitments the indicator table measures are read from "
        "the indicators' actuals."
    )


def _widths(columns: list[str], rows: list[list[str]], wide: str) -> dict[str, int]:
    """Each column's width in cells: its widest cell or heading, over every unit's table, so that the
    tables line up in either language; the `wide` column gets the rest."""
    from rich.cells import cell_len

    from wcplan.controls import visible

    return {
        c: max([cell_len(_(c)), *(cell_len(visible(row[i])) for row in rows)])
        for i, c in enumerate(columns)
        if c != wide
    }


# ── terminal ─────────────────────────────────────────────────────────────────


def render_table(assessment: TasksAssessment, console) -> None:
    from rich.text import Text

    from wcplan.render.terminal import OUTLOOK_STYLE, STATUS_STYLE, _row, _table, plain, print_notes

    meta, plan = assessment.plan.meta, assessment.plan
    console.print(
        Text.assemble(
            plain(meta.short_label, "bold"),
            plain(
                f" ({meta.document_number}) — "
                + _("tasks and commitments {year}").format(year=assessment.year)
            ),
        )
    )
    if not assessment.lines and not assessment.commitments:
        console.print(Text(_("No task or commitment matches the filters.")))
    line_widths = _widths(LINE_COLUMNS[:4], [line_cells(r)[:4] for r in assessment.lines], "Line of work")
    widths = _widths(COMMITMENT_COLUMNS, [commitment_cells(r) for r in assessment.commitments], "Commitment")
    for unit in assessment.units:
        lines, commitments = unit.lines, unit.commitments
        if lines:
            table = _table(
                _("{unit} · lines of work it leads · {n}").format(
                    unit=plan.unit_label(unit.unit), n=len(lines)
                ),
                counts_text(unit.line_counts, LINE_LABEL),
            )
            table.add_column(_("ID"), no_wrap=True, min_width=line_widths["ID"])
            table.add_column(_("Line of work"), ratio=2, min_width=12, overflow="fold")
            table.add_column(_("Status"), no_wrap=True, min_width=line_widths["Status"])
            table.add_column(_("Date"), no_wrap=True, min_width=line_widths["Date"])
            table.add_column(_("Note"), ratio=3, min_width=12, overflow="fold")
            for r in lines:
                cells = _row(*line_cells(r))
                cells[2].stylize(LINE_STYLE[r.state])
                if r.stale:
                    cells[3].stylize("dim")
                table.add_row(*cells)
            console.print()
            console.print(table)
        if commitments:
            table = _table(
                _("{unit} · commitments · {n}").format(unit=plan.unit_label(unit.unit), n=len(commitments)),
                counts_text(unit.commitment_counts, STATE_LABEL),
            )
            for header in COMMITMENT_COLUMNS:
                if header == "Commitment":
                    table.add_column(_(header), ratio=1, min_width=12, overflow="fold")
                else:
                    right = header in ("Target", "Value", "Gap", "Plan")
                    table.add_column(
                        _(header),
                        justify="right" if right else "left",
                        no_wrap=True,
                        min_width=widths[header],
                    )
            for r in commitments:
                cells = _row(*commitment_cells(r))
                if r.due:
                    cells[7].stylize(STATUS_STYLE[r.judgement.status])
                else:
                    cells[7].stylize("dim")
                if r.projection:
                    cells[9].stylize(OUTLOOK_STYLE[r.projection.outlook])
                table.add_row(*cells)
            console.print()
            console.print(table)
    console.print()
    line = Text.assemble(
        (_("Plan-wide"), "bold"), _(" ({n} lines of work): ").format(n=len(assessment.lines))
    )
    line.append(counts_text(assessment.line_counts, LINE_LABEL) or _("none"))
    console.print(line)
    line = Text.assemble((_("Commitments"), "bold"), f" ({len(assessment.commitments)}): ")
    line.append(counts_text(assessment.commitment_counts, STATE_LABEL) or _("none"))
    console.print(line)
    console.print(Text(legend(), style="dim"))
    print_notes(notes(assessment), console)
    if assessment.files:
        console.print(plain(_("Read: {files}").format(files=", ".join(assessment.files)), "dim"))


# ── Markdown ─────────────────────────────────────────────────────────────────


def markdown_section(assessment: TasksAssessment, level: int = 2) -> list[str]:
    """The tasks section of a Markdown report: one heading per lead unit, two tables each."""
    from wcplan.render.markdown import escape, table

    h = "#" * level
    out = [f"{h} {escape(section_title(assessment))}", "", escape(summary_sentence(assessment)), ""]
    for unit in assessment.units:
        out += [f"{h}# {escape(assessment.plan.unit_label(unit.unit))}", ""]
        if unit.lines:
            out += [*table(text.headers(LINE_COLUMNS), "lllll", [line_cells(r) for r in unit.lines]), ""]
        if unit.commitments:
            rows = [commitment_cells(r) for r in unit.commitments]
            out += [*table(text.headers(COMMITMENT_COLUMNS), "lllrlrrlrl", rows), ""]
    out += [escape(legend()), ""]
    said = notes(assessment)
    return out + [f"- {escape(n)}" for n in said] + ([""] if said else [])


def markdown(assessment: TasksAssessment) -> str:
    from wcplan.render.markdown import escape

    meta = assessment.plan.meta
    title = f"# {escape(f'{meta.short_label} ({meta.document_number})')}"
    return "\n".join([title, "", *markdown_section(assessment)]).rstrip() + "\n"


# ── scorecards ───────────────────────────────────────────────────────────────

SCORECARD_COLUMNS = [N_("Unit"), N_("Lines of work"), N_("Commitments"), N_("Score"), N_("At risk")]


def _score(unit: UnitTasks) -> str:
    return text.percent(unit.score, 0) or "—"


def _risky(unit: UnitTasks) -> int:
    return sum(1 for r in unit.commitments if not r.due and r.outlook in (Outlook.AT_RISK, Outlook.UNLIKELY))


def scorecard_rows(work: TasksAssessment) -> list[list[str]]:
    """One row per lead unit: its lines of work and commitments counted, and the commitments'
    score, (met + on track) / assessed over those due this year."""
    return [
        [
            work.plan.unit_label(u.unit),
            counts_text(u.line_counts, LINE_LABEL) or "—",
            counts_text(u.commitment_counts, STATE_LABEL) or "—",
            _score(u),
            str(_risky(u)),
        ]
        for u in work.units
    ]


def scorecard_note() -> str:
    return _(
        "Tasks by lead unit (Attachment 2; a commitment's own lead where the plan names one). Score = "
        "(met + on track) / assessed, over the commitments due this year. At risk = commitments not yet "
        "due whose outlook is at risk or unlikely."
    )


def scorecard_title(work: TasksAssessment) -> str:
    return _("Tasks and commitments {year} by lead unit").format(year=work.year)


def render_scorecards(work: TasksAssessment, console) -> None:
    from rich.text import Text

    from wcplan.render.scorecards import score_table
    from wcplan.render.terminal import plain

    table = score_table(scorecard_title(work))
    for header in SCORECARD_COLUMNS:
        numeric = header in ("Score", SCORECARD_COLUMNS[-1])
        table.add_column(
            _(header),
            justify="right" if numeric else "left",
            overflow="fold",
            ratio=None if numeric else 2,
            min_width=6 if numeric else 10,
        )
    for row in scorecard_rows(work):
        table.add_row(*(plain(c) for c in row))
    console.print()
    console.print(table)
    console.print(Text(scorecard_note(), style="dim"))
    for note in notes(work):
        if text.is_illustrative_note(note):
            console.print(plain(note, "bold yellow"))


def scorecards_markdown(work: TasksAssessment) -> list[str]:
    from wcplan.render.markdown import escape, table

    rows = scorecard_rows(work)
    return [
        f"## {escape(scorecard_title(work))}",
        "",
        escape(scorecard_note()),
        "",
        *table(text.headers(SCORECARD_COLUMNS), "lllrr", rows),
        "",
        *(f"> {escape(n)}" for n in notes(work) if text.is_illustrative_note(n)),
    ]


# ── JSON ─────────────────────────────────────────────────────────────────────


def commitment_document(r: CommitmentResult) -> dict:
    c = r.commitment
    return {
        "id": c.id,
        "task": c.task.id if c.task else None,
        "line": c.line,
        "name": c.name,
        "name_en": c.name_en,
        "wording": c.wording,
        "unit": c.unit,
        "target": c.target,
        "direction": c.direction,
        # how the value is compared with the target: >= (N以上, 达到 N, 力争 N) or > (超过 N)
        "comparison": c.comparison.symbol(c.direction),
        "due": c.due,
        "yearly": c.yearly,
        "deadline_stated": c.deadline_stated,
        "strive": c.strive,
        "lead": c.leads,
        "lead_named": c.lead_named,
        "measured_by": ({"indicators": c.indicators, "as": str(c.measured_as)} if c.indicators else None),
        "baseline": c.baseline,
        "value": r.value,
        "state": r.state,
        "gap": r.gap,
        "completion": r.completion,
        "progress": r.judgement.progress if r.judgement else None,
        "reference_year": r.judgement.reference_year if r.judgement else None,
        "reason": r.judgement.reason if r.judgement else None,
        "plan_as_of": r.so_far.as_of if r.so_far else None,
        "plan_progress": (
            (r.so_far.completion if r.so_far.completion is not None else r.so_far.progress)
            if r.so_far
            else None
        ),
        "outlook": str(r.projection.outlook) if r.projection else None,
        "projected": r.projection.value if r.projection else None,
        "missing_indicators": list(r.missing),
        "sources": r.sources,
        "illustrative": r.illustrative,
    }


def line_document(r: LineResult) -> dict:
    latest = r.latest
    return {
        "id": r.line.id,
        "task": r.task.id,
        "content": r.line.content,
        "content_en": r.line.content_en,
        "firms": list(r.line.firms),
        "milestones": [m.model_dump() for m in r.line.milestones],
        "lead": list(r.task.lead),
        "responsible": list(r.task.responsible),
        "status": r.state,
        "date": latest.date.isoformat() if latest else None,
        "note": latest.note if latest else None,
        "source": latest.source if latest else None,
        "illustrative": r.illustrative,
        "stale": r.stale,
        "reports": [{"date": p.date.isoformat(), "status": str(p.status), "note": p.note} for p in r.reports],
    }


def document(assessment: TasksAssessment) -> dict:
    from wcplan.render.json import clean

    return clean(
        {
            "year": assessment.year,
            "line_counts": assessment.line_counts,
            "commitment_counts": assessment.commitment_counts,
            "units": [
                {
                    "unit": u.unit,
                    "lines": [r.line.id for r in u.lines],
                    "commitments": [r.commitment.id for r in u.commitments],
                    "line_counts": u.line_counts,
                    "commitment_counts": u.commitment_counts,
                    "score": u.score,
                }
                for u in assessment.units
            ],
            "tasks": [
                {
                    "id": t.id,
                    "title": t.title,
                    "title_en": t.title_en,
                    "lead": list(t.lead),
                    "responsible": list(t.responsible),
                }
                for t in assessment.tasks.tasks
            ],
            "lines": [line_document(r) for r in assessment.lines],
            "commitments": [commitment_document(r) for r in assessment.commitments],
            "notes": notes(assessment),
            "files": list(assessment.files),
        }
    )
