"""The words and cells every format shows for tasks, lines of work and commitments: labels of
their states, the columns of their tables, the notes they carry, the tasks scorecard's rows."""

from __future__ import annotations

from wcplan.base.i18n import N_, _, ngettext
from wcplan.model import measurement_units as units
from wcplan.model.plan import Attribute
from wcplan.model.records import WorkStatus
from wcplan.render import text
from wcplan.rules.commitments import (
    NO_REPORT,
    NOT_DUE,
    CommitmentResult,
    LineResult,
    TasksAssessment,
    UnitTasks,
)
from wcplan.rules.verdicts import Outlook, Status

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
            ngettext(
                "The plan names no lead unit for {ids}: it is shown under the lead units of its task "
                "(Attachment 2).",
                "The plan names no lead unit for {ids}: they are shown under the lead units of their task "
                "(Attachment 2).",
                len(unnamed),
            ).format(ids=", ".join(unnamed))
        )
    stated = [r.commitment.id for r in assessment.commitments if not r.commitment.deadline_stated]
    if stated:
        out.append(
            ngettext(
                "The text gives no year for {ids}: it is judged in the plan's last year ({year}), shown "
                "in brackets.",
                "The text gives no year for {ids}: they are judged in the plan's last year ({year}), shown "
                "in brackets.",
                len(stated),
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


# ── scorecards ───────────────────────────────────────────────────────────────

SCORECARD_COLUMNS = [N_("Unit"), N_("Lines of work"), N_("Commitments"), N_("Score"), N_("At risk")]


def score(unit: UnitTasks) -> str:
    return text.percent(unit.score, 0) or "—"


def at_risk(unit: UnitTasks) -> int:
    """Commitments not yet due whose outlook is at risk or unlikely."""
    return sum(1 for r in unit.commitments if not r.due and r.outlook in (Outlook.AT_RISK, Outlook.UNLIKELY))


def scorecard_rows(work: TasksAssessment) -> list[list[str]]:
    """One row per lead unit: its lines of work and commitments counted, and the commitments'
    score, (met + on track) / assessed over those due this year."""
    return [
        [
            work.plan.unit_label(u.unit),
            counts_text(u.line_counts, LINE_LABEL) or "—",
            counts_text(u.commitment_counts, STATE_LABEL) or "—",
            score(u),
            str(at_risk(u)),
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
