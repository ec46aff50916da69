"""JSON documents. The CLI prints exactly these: it adds nothing of its own."""

from __future__ import annotations

import json
import math
from typing import Any

from wcplan.assess import STATUSES, Assessment, IndicatorResult
from wcplan.controls import is_control
from wcplan.plan import Indicator, Plan
from wcplan.render import text


def clean(value: Any) -> Any:
    """Numbers as JSON numbers without float noise (-0.8999999999999986 -> -0.9); whole floats as ints."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = round(value, 10)
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    return value


def indicator_fields(indicator: Indicator) -> dict:
    return indicator.model_dump(mode="json")


def result_document(r: IndicatorResult) -> dict:
    ind, j, actual = r.indicator, r.judgement, r.actual
    doc = {
        "id": ind.id,
        "name": ind.name,
        "name_en": ind.name_en,
        "category": ind.category,
        "unit": ind.unit,
        "attribute": str(ind.attribute),
        "measure": str(ind.measure),
        "direction": ind.direction,
        "lead": ind.lead,
        "responsible": list(ind.responsible),
        "baseline": ind.baseline,
        "target": r.target,
        "actual": actual.value if actual else None,
        "gap": r.gap,
        "completion": r.completion,
        "progress": j.progress,
        "status": str(r.status),
        "reference": j.reference,
        "reference_year": j.reference_year,
        "reason": j.reason,
        "source": actual.source if actual else None,
        "illustrative": actual.illustrative if actual else False,
        "note": actual.note if actual else None,
        "location": f"{actual.file}:{actual.line}" if actual and actual.file else None,
        "plan_progress": r.so_far.progress if r.so_far else None,
        "plan_completion": r.so_far.completion if r.so_far else None,
        "plan_as_of": r.so_far.as_of if r.so_far else None,
        "plan_reference_year": r.so_far.reference_year if r.so_far else None,
        "plan_reason": r.so_far.reason if r.so_far else None,
        "missing_years": list(r.so_far.missing_years) if r.so_far else [],
        "projection": r.projection.value if r.projection else None,
        "outlook": str(r.projection.outlook) if r.projection else None,
        "outlook_ratio": r.projection.ratio if r.projection else None,
        "projected_from": r.projection.as_of if r.projection else None,
        "outlook_reason": r.projection.reason if r.projection else None,
        "period": actual.period_label if actual else None,
        "provisional": r.provisional,
        "expected": r.expected,
        "schedule_gap": r.schedule_gap,
    }
    return clean(doc)


def assessment_document(a: Assessment) -> dict:
    meta = a.plan.meta
    return clean(
        {
            "year": a.year,
            "period": a.label,
            "plan": {"title": meta.title, "document_number": meta.document_number},
            "indicators": [result_document(r) for r in a.results],
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
    return {
        "plan": plan.meta.model_dump(mode="json"),
        "indicators": [indicator_fields(i) for i in indicators],
    }


def dumps(document: dict) -> str:
    """The document as JSON text. JSON is data: names, sources and notes stay exactly as the files
    give them, control characters included; but each control character (wcplan.controls) is
    written as a \\uXXXX escape, as JSON writes C0 controls anyway, so that the text printed is
    harmless on a terminal while a parser still reads the original."""
    lines = json.dumps(document, ensure_ascii=False, indent=2).split("\n")
    return "\n".join(line if line.isprintable() else _escaped(line) for line in lines)


def _escaped(line: str) -> str:
    return "".join(json.dumps(ch)[1:-1] if is_control(ch) else ch for ch in line)


def report_document(report) -> dict:
    """The report as data: the assessment, plus what the other formats add (date, sources, lists)."""
    return clean(
        assessment_document(report.assessment)
        | {
            "made_on": report.made_on.isoformat(),
            "sources": report.sources,
            "lagging": [r.indicator.id for r in report.lagging],
            "no_data": [r.indicator.id for r in report.no_data],
            "tasks": _tasks(report.tasks),
        }
    )


def _tasks(tasks) -> dict | None:
    if tasks is None:
        return None
    from wcplan.render.tasks import document

    return document(tasks)
