"""JSON documents: the records of the results (their `to_record()`, wcplan.rules), with what every
document adds around them (the plan, counts, notes, files). The CLI prints exactly these: it adds
nothing of its own."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from wcplan.base.controls import is_control
from wcplan.base.findings import Validation
from wcplan.base.plain import clean

if TYPE_CHECKING:
    # annotations only: `validate --format json` needs none of the rules, and the status tables
    # need not build the tasks schema
    from wcplan.model.plan import Indicator, Plan
    from wcplan.render.report import Report
    from wcplan.rules.commitments import TasksAssessment
    from wcplan.rules.scorecards import Scorecards
    from wcplan.rules.submissions import Submissions
    from wcplan.rules.trend import Trend
    from wcplan.rules.yearend import Assessment


def assessment_document(a: Assessment) -> dict:
    """`wcplan status --format json`."""
    from wcplan.render import text
    from wcplan.rules.verdicts import STATUSES

    meta = a.plan.meta
    return clean(
        {
            "year": a.year,
            "period": a.label,
            "plan": {"title": meta.title, "document_number": meta.document_number},
            "indicators": a.to_records(),
            "units": [
                {"unit": u.unit, "indicators": u.total, **{str(s): u.counts[s] for s in STATUSES}}
                for u in a.units
            ],
            "summary": {
                "indicators": len(a.results),
                **{str(s): n for s, n in a.counts.items()},
                "met_or_on_track_share": a.met_or_on_track_share,
            },
            "notes": text.notes(a),
            "files": a.files,
        }
    )


def targets_document(plan: Plan, indicators: list[Indicator]) -> dict:
    """`wcplan targets --format json`: every field of the plan file."""
    return {
        "plan": plan.meta.model_dump(mode="json"),
        "indicators": [i.model_dump(mode="json") for i in indicators],
    }


def scorecards_document(cards: Scorecards, notes: list[str]) -> dict:
    """`wcplan units --format json` (without the tasks scorecard)."""
    return clean({"year": cards.year, "by": cards.by, "units": cards.to_records(), "notes": notes})


def tasks_document(assessment: TasksAssessment) -> dict:
    """`wcplan tasks --format json`."""
    from wcplan.render import tasktext

    return clean(
        {
            "year": assessment.year,
            "line_counts": assessment.line_counts,
            "commitment_counts": assessment.commitment_counts,
            "units": [u.to_record() for u in assessment.units],
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
            "lines": assessment.to_records("lines"),
            "commitments": assessment.to_records("commitments"),
            "notes": tasktext.notes(assessment),
            "files": list(assessment.files),
        }
    )


def trend_document(t: Trend, notes: list[str]) -> dict:
    """`wcplan trend --format json`."""
    p = t.projection
    return clean(
        {
            "indicator": t.indicator.model_dump(mode="json"),
            "years": t.to_records(),
            "projection": None
            if p is None
            else {
                "from_year": t.projected_from,
                "value": p.value,
                "outlook": str(p.outlook),
                "ratio": p.ratio,
                "reason": p.reason,
            },
            "notes": notes,
        }
    )


def report_document(report: Report) -> dict:
    """The report as data: the assessment, plus what the other formats add (date, sources, lists)."""
    return clean(
        assessment_document(report.assessment)
        | {
            "made_on": report.made_on.isoformat(),
            "sources": report.sources,
            "lagging": [r.indicator.id for r in report.lagging],
            "no_data": [r.indicator.id for r in report.no_data],
            "tasks": tasks_document(report.tasks) if report.tasks is not None else None,
        }
    )


def submissions_document(s: Submissions) -> dict:
    """`wcplan submissions --format json`: each unit's record (`s.to_records()`), who is still to
    report, the files with errors, and the list to paste (催报清单)."""
    from wcplan.render.submissions import chase, notes

    return clean(
        {
            "period": s.period.label,
            "year": s.period.year,
            "months": s.period.months,
            "by": s.by,
            "complete": s.complete,
            "counts": {str(k): v for k, v in s.counts.items()},
            "units": s.to_records(),
            "still_to_report": [
                {
                    "unit": u.unit,
                    "indicators": [
                        {"id": d.indicator.id, "name": d.indicator.name, "state": str(d.state)}
                        for d in u.outstanding
                    ],
                }
                for u in s.outstanding
            ],
            "files_with_errors": [f.to_record() for f in s.files_with_errors],
            "chase": chase(s),
            "notes": notes(s),
            "files": s.files,
        }
    )


def validation_document(v: Validation, limit: int) -> dict:
    """`wcplan validate --format json`: at most `limit` problems (0: all), every one counted."""
    shown, omitted = v.shown(limit)
    return {
        "valid": v.valid,
        "strict": v.strict,
        "files": v.files,
        "problems": [f.to_dict() for f in shown],
        "omitted": omitted,
        "notes": [f.to_dict() for f in v.notes],
        "counts": {"errors": v.errors, "warnings": v.warnings, "notes": len(v.notes), "by_code": v.by_code()},
    }


def dumps(document: dict) -> str:
    """The document as JSON text. JSON is data: names, sources and notes stay exactly as the files
    give them, control characters included; but each control character (wcplan.base.controls) is
    written as a \\uXXXX escape, as JSON writes C0 controls anyway, so that the text printed is
    harmless on a terminal while a parser still reads the original."""
    lines = json.dumps(document, ensure_ascii=False, indent=2).split("\n")
    return "\n".join(line if line.isprintable() else _escaped(line) for line in lines)


def _escaped(line: str) -> str:
    return "".join(json.dumps(ch)[1:-1] if is_control(ch) else ch for ch in line)
