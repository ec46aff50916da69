"""Tasks, lines of work and commitments: terminal tables, Markdown and JSON."""

from __future__ import annotations

from wcplan.assess import Status
from wcplan.assess_tasks import (
    NO_REPORT,
    NOT_DUE,
    CommitmentResult,
    LineResult,
    TasksAssessment,
    UnitTasks,
)
from wcplan.outlook import Outlook
from wcplan.plan import Attribute
from wcplan.progress import WorkStatus
from wcplan.render import text
from wcplan.render.text import md_cell

LINE_LABEL = {
    WorkStatus.NOT_STARTED.value: "not started",
    WorkStatus.IN_PROGRESS.value: "in progress",
    WorkStatus.DONE.value: "done",
    WorkStatus.LAGGING.value: "lagging",
    NO_REPORT: "no report",
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
STATE_LABEL = {**{s.value: label for s, label in text.STATUS_LABEL.items()}, NOT_DUE: "not due"}
#: The columns every format shows for a commitment, in this order.
COMMITMENT_COLUMNS = [
    "ID",
    "Commitment",
    "Unit",
    "Target",
    "Due",
    "Value",
    "Gap",
    "Status",
    "Plan",
    "Outlook",
]
LINE_COLUMNS = ["ID", "Line of work", "Status", "Date", "Note"]
#: Fixed widths (terminal cells) so that every unit's table lines up; the name takes the rest.
COMMITMENT_WIDTHS = [3, 12, 4, 6, 6, 6, 5, 11, 6, 8]


def line_status(r: LineResult) -> str:
    return f"{LINE_SYMBOL[r.state]} {LINE_LABEL[r.state]}"


def state_text(r: CommitmentResult) -> str:
    if r.due:
        return text.status_text(r.judgement.status)
    return f"… {STATE_LABEL[NOT_DUE]}"


def due(r: CommitmentResult) -> str:
    c = r.commitment
    if c.yearly:
        return "yearly"
    return f"{c.due}" if c.deadline_stated else f"({c.due})"


def target(r: CommitmentResult) -> str:
    c = r.commitment
    sign = "≤" if c.direction == "decrease" else "≥"
    return f"{sign}{text.number(c.target)}"


def gap(r: CommitmentResult) -> str:
    if r.gap is None:
        return ""
    value = text.number(r.gap)
    return value if value.startswith("-") or value == "0" else f"+{value}"


def plan_so_far(r: CommitmentResult) -> str:
    if r.so_far is None:
        return ""
    value = r.so_far.completion if r.so_far.completion is not None else r.so_far.progress
    return text.percent(value)


def outlook(r: CommitmentResult) -> str:
    return text.OUTLOOK_LABEL[r.projection.outlook] if r.projection else ""


def name(r: CommitmentResult) -> str:
    c = r.commitment
    return c.name + (" (力争)" if c.strive else "")


def commitment_cells(r: CommitmentResult) -> list[str]:
    """The COMMITMENT_COLUMNS of one commitment, as text."""
    return [
        r.commitment.id,
        name(r),
        r.commitment.unit,
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
    return [r.line.id, r.line.content, line_status(r), date, (latest.note or "") if latest else ""]


def counts_text(counts: dict[str, int], labels: dict[str, str]) -> str:
    return " · ".join(f"{labels[k]} {n}" for k, n in counts.items() if n)


def notes(assessment: TasksAssessment) -> list[str]:
    """Sentences every output of this assessment carries."""
    out = []
    shown = [r for r in assessment.commitments if r.records] + [r for r in assessment.lines if r.latest]
    made_up = [r for r in shown if r.illustrative]
    if made_up:
        out.append(
            f"Illustrative data: {len(made_up)} of the {len(shown)} figures and statuses shown are made-up "
            "illustrative values (source 'illustrative'), not published figures; do not cite them."
        )
    unnamed = [r.commitment.id for r in assessment.commitments if not r.commitment.lead_named]
    if unnamed:
        out.append(
            f"The plan names no lead unit for {', '.join(unnamed)}: they are shown under the lead units "
            "of their task (Attachment 2)."
        )
    stated = [r.commitment.id for r in assessment.commitments if not r.commitment.deadline_stated]
    if stated:
        out.append(
            f"The text gives no year for {', '.join(stated)}: they are judged in the plan's last year "
            f"({assessment.plan.years[-1]}), shown in brackets."
        )
    for r in assessment.commitments:
        if r.missing:
            joined = ", ".join(map(str, r.missing))
            out.append(f"{r.commitment.id} is measured by indicator {joined}, which has no {r.year} actual.")
        earlier = sorted(y for y in r.history if y < r.year)
        level = r.commitment.attribute is not Attribute.ANNUAL
        if level and r.commitment.baseline is None and earlier and r.value is not None:
            out.append(
                f"{r.commitment.id} has no baseline: its progress is measured from its {earlier[0]} "
                f"value ({text.number(r.history[earlier[0]])})."
            )
        if r.due and r.judgement.status is Status.UNKNOWN and r.judgement.reason:
            out.append(f"{r.commitment.id} is unknown: {r.judgement.reason}.")
    stale = [r for r in assessment.lines if r.stale]
    if stale:
        out.append(
            "No report of "
            + str(assessment.year)
            + " for "
            + ", ".join(r.line.id for r in stale)
            + ": the latest earlier report is shown."
        )
    return out


LEGEND = (
    "Due: the year a commitment is judged (yearly: every year); before then it is not due, with "
    "Plan = progress to its target so far and Outlook = projected to the final year at the pace so far. "
    "力争: the plan only strives for it. Commitments the indicator table measures are read from "
    "the indicators' actuals."
)


# ── terminal ─────────────────────────────────────────────────────────────────


def render_table(assessment: TasksAssessment, console) -> None:
    from rich.text import Text

    from wcplan.render.terminal import OUTLOOK_STYLE, STATUS_STYLE, _row, _table

    meta = assessment.plan.meta
    console.print(
        Text.assemble(
            (meta.short_title or meta.title, "bold"),
            f" ({meta.document_number}) — tasks and commitments {assessment.year}",
        )
    )
    if not assessment.lines and not assessment.commitments:
        console.print(Text("No task or commitment matches the filters."))
    for unit in assessment.units:
        lines, commitments = unit.lines, unit.commitments
        if lines:
            table = _table(
                f"{unit.unit} · lines of work it leads · {len(lines)}",
                counts_text(unit.line_counts, LINE_LABEL),
            )
            table.add_column("ID", no_wrap=True, min_width=3)
            table.add_column("Line of work", ratio=2, min_width=12, overflow="fold")
            table.add_column("Status", no_wrap=True, min_width=13)
            table.add_column("Date", no_wrap=True, min_width=10)
            table.add_column("Note", ratio=3, min_width=12, overflow="fold")
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
                f"{unit.unit} · commitments · {len(commitments)}",
                counts_text(unit.commitment_counts, STATE_LABEL),
            )
            for header, width in zip(COMMITMENT_COLUMNS, COMMITMENT_WIDTHS, strict=True):
                if header == "Commitment":
                    table.add_column(header, ratio=1, min_width=width, overflow="fold")
                else:
                    right = header in ("Target", "Value", "Gap", "Plan")
                    table.add_column(
                        header, justify="right" if right else "left", no_wrap=True, min_width=width
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
    line = Text.assemble(("Plan-wide", "bold"), f" ({len(assessment.lines)} lines of work): ")
    line.append(counts_text(assessment.line_counts, LINE_LABEL) or "none")
    console.print(line)
    line = Text.assemble(("Commitments", "bold"), f" ({len(assessment.commitments)}): ")
    line.append(counts_text(assessment.commitment_counts, STATE_LABEL) or "none")
    console.print(line)
    console.print(Text(LEGEND, style="dim"))
    for note in notes(assessment):
        console.print(Text(note, style="bold yellow" if note.startswith("Illustrative") else ""))
    if assessment.files:
        console.print(Text("Read: " + ", ".join(assessment.files), style="dim"))


# ── Markdown ─────────────────────────────────────────────────────────────────


def markdown_section(assessment: TasksAssessment, level: int = 2) -> list[str]:
    """The tasks section of a Markdown report: one heading per lead unit, two tables each."""
    h = "#" * level
    out = [
        f"{h} Tasks and commitments {assessment.year}",
        "",
        f"Lines of work: {counts_text(assessment.line_counts, LINE_LABEL) or 'none'}. "
        f"Commitments: {counts_text(assessment.commitment_counts, STATE_LABEL) or 'none'}.",
        "",
    ]
    for unit in assessment.units:
        out += [f"{h}# {md_cell(unit.unit)}", ""]
        if unit.lines:
            out += _md_table(LINE_COLUMNS, [line_cells(r) for r in unit.lines], "lllll")
        if unit.commitments:
            out += _md_table(
                COMMITMENT_COLUMNS, [commitment_cells(r) for r in unit.commitments], "lllrlrrlrl"
            )
    out += [LEGEND, ""]
    said = notes(assessment)
    return out + [f"- {n}" for n in said] + ([""] if said else [])


def _md_table(headers: list[str], rows: list[list[str]], align: str) -> list[str]:
    marks = {"l": ":--", "r": "--:"}
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(marks[a] for a in align) + "|"]
    out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def markdown(assessment: TasksAssessment) -> str:
    meta = assessment.plan.meta
    title = f"# {md_cell(meta.short_title or meta.title)} ({meta.document_number})"
    return "\n".join([title, "", *markdown_section(assessment)]).rstrip() + "\n"


# ── scorecards ───────────────────────────────────────────────────────────────

SCORECARD_COLUMNS = ["Unit", "Lines of work", "Commitments", "Score", "At risk"]


def _score(unit: UnitTasks) -> str:
    return "—" if unit.score is None else f"{unit.score * 100:.0f}%"


def _risky(unit: UnitTasks) -> int:
    return sum(1 for r in unit.commitments if not r.due and r.outlook in (Outlook.AT_RISK, Outlook.UNLIKELY))


def scorecard_rows(work: TasksAssessment) -> list[list[str]]:
    """One row per lead unit: its lines of work and commitments counted, and the commitments'
    score, (met + on track) / assessed over those due this year."""
    return [
        [
            u.unit,
            counts_text(u.line_counts, LINE_LABEL) or "—",
            counts_text(u.commitment_counts, STATE_LABEL) or "—",
            _score(u),
            str(_risky(u)),
        ]
        for u in work.units
    ]


SCORECARD_NOTE = (
    "Tasks by lead unit (Attachment 2; a commitment's own lead where the plan names one). Score = "
    "(met + on track) / assessed, over the commitments due this year. At risk = commitments not yet "
    "due whose outlook is at risk or unlikely."
)


def render_scorecards(work: TasksAssessment, console) -> None:
    from rich.text import Text

    from wcplan.render.scorecards import score_table

    table = score_table(f"Tasks and commitments {work.year} by lead unit")
    for header in SCORECARD_COLUMNS:
        numeric = header in ("Score", SCORECARD_COLUMNS[-1])
        table.add_column(
            header,
            justify="right" if numeric else "left",
            overflow="fold",
            ratio=None if numeric else 2,
            min_width=6 if numeric else 10,
        )
    for row in scorecard_rows(work):
        table.add_row(*(Text(c) for c in row))
    console.print()
    console.print(table)
    console.print(Text(SCORECARD_NOTE, style="dim"))
    for note in notes(work):
        if note.startswith("Illustrative"):
            console.print(Text(note, style="bold yellow"))


def scorecards_markdown(work: TasksAssessment) -> list[str]:
    rows = scorecard_rows(work)
    return [
        f"## Tasks and commitments {work.year} by lead unit",
        "",
        SCORECARD_NOTE,
        "",
        *_md_table(SCORECARD_COLUMNS, rows, "lllrr"),
        *(f"> {n}" for n in notes(work) if n.startswith("Illustrative")),
    ]


# ── JSON ─────────────────────────────────────────────────────────────────────


def commitment_document(r: CommitmentResult) -> dict:
    c = r.commitment
    return {
        "id": c.id,
        "task": c.task.id if c.task else None,
        "line": c.line,
        "name": c.name,
        "wording": c.wording,
        "unit": c.unit,
        "target": c.target,
        "direction": c.direction,
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
