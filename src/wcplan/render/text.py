"""Formatting shared by every human-readable renderer: numbers, gaps, statuses, scores, notes, and
the words of validation. (The words of tasks and commitments are wcplan.render.tasktext.)"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from wcplan.base.findings import Severity, Validation
from wcplan.base.i18n import N_, _, ngettext
from wcplan.model import measurement_units as units
from wcplan.model.periods import shown
from wcplan.model.plan import Attribute
from wcplan.model.records import ILLUSTRATIVE
from wcplan.rules.verdicts import Outlook, Status

if TYPE_CHECKING:
    from wcplan.rules.scorecards import Scorecard
    from wcplan.rules.status import IndicatorResult
    from wcplan.rules.yearend import Assessment

#: Status names (translated where shown: `status_label`). Chinese: 达标 / 接近目标 / 滞后 /
#: 严重滞后 / 无数据 / 无法判断, the words of Chinese plan-progress reports.
STATUS_LABEL = {
    Status.MET: N_("met"),
    Status.ON_TRACK: N_("on track"),
    Status.BEHIND: N_("behind"),
    Status.OFF_TRACK: N_("off track"),
    Status.NO_DATA: N_("no data"),
    Status.UNKNOWN: N_("unknown"),
}
# One cell wide in every terminal, CJK ones included (no East-Asian "ambiguous" characters),
# so that the status stays readable without colour.
STATUS_SYMBOL = {
    Status.MET: "✓",
    Status.ON_TRACK: "~",
    Status.BEHIND: "!",
    Status.OFF_TRACK: "✗",
    Status.NO_DATA: "-",
    Status.UNKNOWN: "?",
}
OUTLOOK_LABEL = {
    Outlook.LIKELY: N_("likely"),
    Outlook.AT_RISK: N_("at risk"),
    Outlook.UNLIKELY: N_("unlikely"),
    Outlook.UNKNOWN: N_("unknown"),
}
#: The columns every report format shows for an indicator's result, in this order (same facts
#: everywhere); a format may add its own last column (a chart, the source). Translated: `headers()`.
RESULT_COLUMNS = [
    N_("ID"),
    N_("Indicator"),
    N_("Unit"),
    N_("Baseline"),
    N_("Target"),
    N_("Actual"),
    N_("Gap"),
    N_("Compl."),
    N_("Progr."),
    N_("Status"),
]
#: The plan's own words for the attributes, in Chinese; English: cumulative, annual, ratio.
ATTRIBUTE_LABEL = {
    Attribute.CUMULATIVE: N_("cumulative (累计值)"),
    Attribute.ANNUAL: N_("annual (当年值)"),
    Attribute.RATIO: N_("ratio (占比值)"),
}


#: The attribute in a narrow table column: the plan's word in Chinese, one English word.
SHORT_ATTRIBUTE = {
    Attribute.CUMULATIVE: N_("cumulative"),
    Attribute.ANNUAL: N_("annual"),
    Attribute.RATIO: N_("ratio"),
}


def short_attribute(attribute: Attribute) -> str:
    return _(SHORT_ATTRIBUTE[attribute])


def headers(columns) -> list[str]:
    return [_(c) for c in columns]


def status_label(status: Status) -> str:
    return _(STATUS_LABEL[status])


def outlook_label(outlook) -> str:
    return _(OUTLOOK_LABEL[outlook])


def attribute_label(attribute: Attribute) -> str:
    return _(ATTRIBUTE_LABEL[attribute])


def unit(indicator, short: bool = False) -> str:
    """An indicator's measurement unit in the current language (`short`: for a narrow column)."""
    return units.label(indicator.unit, short)


def indicators(n: int) -> str:
    """'19 indicators' / '19 项指标'."""
    return ngettext("{n} indicator", "{n} indicators", n).format(n=n)


def when(assessment: Assessment) -> str:
    """What a report covers: `2022`, or `2022-H1 (the year to date)`."""
    if assessment.whole_year:
        return str(assessment.year)
    return _("{period} (the year to date)").format(period=shown(assessment.label))


def source_name(source: str | None) -> str | None:
    """A source as a reader sees it: the marker of made-up values (`illustrative` in the files)
    in the language of the output, any other source as written."""
    return _("illustrative") if source == ILLUSTRATIVE else source


def sources_text(sources: dict[str, int]) -> str:
    """'illustrative (38), 望城区发展和改革局, … (1)': each source with the values it gave."""
    return _(", ").join(f"{source_name(s)} ({n})" for s, n in sources.items()) or _("none")


def source_label(result: IndicatorResult) -> str | None:
    """Where the value shown comes from: 'illustrative' for a made-up value, else its source."""
    if result.actual is None:
        return None
    return _("illustrative") if result.actual.illustrative else result.actual.source


def status_text(status: Status) -> str:
    return f"{STATUS_SYMBOL[status]} {status_label(status)}"


def number(value: float | int | None, places: int = 3, *, trim: bool = True, sign: bool = False) -> str:
    """The one way a figure is shown: rounded to `places` decimals, trailing zeros trimmed
    (`trim`, as the plan writes its values), a '+' on a positive value (`sign`). Never 'inf',
    'nan' or '-0': a value that is not finite (a computation that overflowed) shows as nothing,
    like an absent one, and a value that rounds to zero has no sign. Values of 10^15 and more,
    which no indicator reaches, in scientific notation rather than as a row of digits."""
    if value is None:
        return ""
    value = float(value)
    if not math.isfinite(value):
        return ""
    if abs(value) >= 1e15:
        text = f"{value:.4g}"
    else:
        text = f"{value:.{places}f}"
        if trim and "." in text:
            text = text.rstrip("0").rstrip(".")
    if float(text) == 0:
        return text.lstrip("-")
    return f"+{text}" if sign and value > 0 else text


def finite(value: float | int | None) -> float | int | None:
    """A figure as a spreadsheet cell holds it: None where it is not finite, never -0."""
    if value is None or not math.isfinite(value):
        return None
    return value + 0 if value == 0 else value  # -0.0 + 0 is 0.0


def gap(result: IndicatorResult) -> str:
    text = number(result.gap, sign=True)
    # Percentage points only where the unit is a percentage: a ratio in another unit
    # (吨标准煤/万元) has its gap in that unit.
    return points_text(text) if text and units.is_percent(result.indicator.unit) else text


def points_text(value: str) -> str:
    """A number of percentage points: '-0.9 pp' / '-0.9个百分点'."""
    return _("{value} pp").format(value=value)


def percent(ratio: float | None, places: int = 1) -> str:
    """A ratio as a percentage: 0.966 -> '96.6%'."""
    text = "" if ratio is None else number(ratio * 100, places, trim=False)
    return f"{text}%" if text else ""


def points(value: float | None) -> str:
    """Percentage points with a sign: +6.6 pp."""
    text = number(value, 1, trim=False, sign=True)
    return points_text(text) if text else ""


def progress(ratio: float | None) -> str:
    return number(ratio, 2, trim=False)


def counts_line(counts: dict[Status, int]) -> str:
    """Every status with its count, zeros included, as the plan-wide line gives them."""
    return " · ".join(f"{status_label(s)} {n}" for s, n in counts.items())


def filters(assessment: Assessment) -> str:
    """What a filtered view keeps, in words: 'unit District Financial Affairs Office; status
    behind' ('' for the whole plan)."""
    plan, chosen = assessment.plan, assessment.filters
    units, categories, statuses = (chosen.get(k, ()) for k in ("units", "categories", "statuses"))
    parts = []
    if units:
        names = _(", ").join(plan.unit_label(u) for u in units)
        parts.append(ngettext("unit {names}", "units {names}", len(units)).format(names=names))
    if categories:
        names = _(", ").join(plan.category_label(c) for c in categories)
        parts.append(ngettext("category {names}", "categories {names}", len(categories)).format(names=names))
    if statuses:
        names = _(", ").join(status_label(s) for s in statuses)
        parts.append(ngettext("status {names}", "statuses {names}", len(statuses)).format(names=names))
    return _("; ").join(parts)


def summary_subject(assessment: Assessment) -> tuple[str, str]:
    """What the summary line counts: ('Plan-wide', '42 indicators'), or for a filtered view
    ('Unit District Financial Affairs Office', '1 of 42 indicators')."""
    shown, total = len(assessment.results), len(assessment.plan.indicators)
    chosen = filters(assessment)
    if not chosen:
        return _("Plan-wide"), indicators(shown)
    counted = ngettext("{shown} of {total} indicator", "{shown} of {total} indicators", total)
    return chosen[:1].upper() + chosen[1:], counted.format(shown=shown, total=total)


def summary_heading(assessment: Assessment) -> str:
    """A report's summary heading: 'Plan-wide summary', or 'Summary: unit 区金融办'."""
    chosen = filters(assessment)
    return _("Summary: {filters}").format(filters=chosen) if chosen else _("Plan-wide summary")


def share_sentence(assessment: Assessment) -> str | None:
    """'**59.5%** of the 42 indicators are met or on track.' (Markdown emphasis), naming the
    filters of a filtered view; None when no indicator is shown."""
    share = assessment.met_or_on_track_share
    if share is None:
        return None
    n, chosen = len(assessment.results), filters(assessment)
    if chosen:
        sentence = ngettext(
            "**{share}%** of the {total} indicator shown ({filters}) is met or on track.",
            "**{share}%** of the {total} indicators shown ({filters}) are met or on track.",
            n,
        )
    else:
        sentence = ngettext(
            "**{share}%** of the {total} indicator is met or on track.",
            "**{share}%** of the {total} indicators are met or on track.",
            n,
        )
    return sentence.format(share=number(share * 100, 1, trim=False), total=n, filters=chosen)


def outlook(result: IndicatorResult) -> str:
    return outlook_label(result.projection.outlook) if result.projection else ""


def so_far(result: IndicatorResult) -> str:
    """The whole plan so far: completion of the targets to date (annual) or progress to the final target."""
    if result.so_far is None:
        return ""
    value = result.so_far.completion if result.so_far.completion is not None else result.so_far.progress
    return percent(value)


def illustrative_note(actuals) -> list[str]:
    """The sentence every output showing an illustrative value carries, once (or nothing)."""
    used = [a for a in actuals if a is not None]
    shown = [a for a in used if a.illustrative]
    if not shown:
        return []
    if len(used) == 1:
        sentence = _(
            "Illustrative data: the one actual shown is a made-up illustrative value (source "
            "'illustrative'), not a published figure; do not cite it."
        )
    else:
        sentence = ngettext(
            "Illustrative data: {n} of the {total} actuals shown is a made-up illustrative value (source "
            "'illustrative'), not a published figure; do not cite it.",
            "Illustrative data: {n} of the {total} actuals shown are made-up illustrative values (source "
            "'illustrative'), not published figures; do not cite them.",
            len(shown),
        )
    return [sentence.format(n=len(shown), total=len(used))]


def is_illustrative_note(note: str) -> bool:
    """Whether a note is the illustrative-data warning (shown in bold)."""
    return note.startswith(_("Illustrative data:"))


def notes(assessment: Assessment) -> list[str]:
    """Plain sentences every report of this assessment must carry."""
    out = illustrative_note([r.actual for r in assessment.results])
    out += period_notes(assessment)
    for r in assessment.results:
        if r.provisional and assessment.whole_year:
            out.append(
                _(
                    "Indicator {id} has no whole-year value for {year}: it is judged on its latest figure, "
                    "{period}, provisionally (*)."
                ).format(id=r.indicator.id, year=assessment.year, period=shown(r.actual.period_label))
            )
        j = r.judgement
        if j.reference_year is not None:
            out.append(
                _(
                    "Indicator {id} has no baseline: its progress is measured from its {year} actual "
                    "({value})."
                ).format(id=r.indicator.id, year=j.reference_year, value=number(j.reference))
            )
        if r.status is Status.UNKNOWN and j.reason:
            out.append(_("Indicator {id} is unknown: {reason}.").format(id=r.indicator.id, reason=j.reason))
        elif r.status is Status.OFF_TRACK and j.reason:
            out.append(_("Indicator {id} is off track: {reason}.").format(id=r.indicator.id, reason=j.reason))
    return out


def period_notes(assessment: Assessment) -> list[str]:
    """What a view of a period within the year sees: only what was known at its end."""
    if assessment.whole_year:
        return []
    previous = assessment.year - 1
    if previous in assessment.plan.years:
        sentence = _(
            "A view of {period} sees only what was known at its end: its plan so far and outlook are "
            "those as of the end of {previous}, and every figure of {year} is provisional."
        )
    else:
        sentence = _(
            "A view of {period} sees only what was known at its end: {year} is the plan's first year, so "
            "there is no plan so far or outlook yet, and every figure of {year} is provisional."
        )
    return [sentence.format(period=shown(assessment.label), previous=previous, year=assessment.year)]


# ── scorecards ───────────────────────────────────────────────────────────────


def score(card: Scorecard) -> str:
    """A unit's score as a whole percentage, or — where nothing was assessed."""
    return percent(card.score, 0) or "—"


def worst(card: Scorecard) -> str:
    """The unit's indicator that lags most: '9 Firms with output value … (off track, R 0.00)'."""
    r = card.worst
    if r is None:
        return ""
    detail = status_label(r.status)
    if r.progress is not None:
        detail += _(", R {value}").format(value=progress(r.progress))
    return f"{r.indicator.id} {r.indicator.label} ({detail})"


# ── validation ───────────────────────────────────────────────────────────────

#: Severities as shown in text (the code after them, and JSON and annotations, stay as they are).
SEVERITY_LABEL = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning"), Severity.NOTE: N_("note")}


def severity_label(severity) -> str:
    return _(SEVERITY_LABEL[Severity(severity)])


def more_problems(n: int) -> str:
    return ngettext("{n} more problem", "{n} more problems", n).format(n=n)


def validation_summary(v: Validation) -> str:
    """'invalid: 3 errors, 0 warnings in 1 file.'"""
    if v.valid:
        verdict = _("valid")
    elif v.strict and v.warnings and not v.errors:
        verdict = _("invalid (--strict: warnings fail)")
    else:
        verdict = _("invalid")
    return _("{verdict}: {errors}, {warnings} in {files}.").format(
        verdict=verdict,
        errors=ngettext("{n} error", "{n} errors", v.errors).format(n=v.errors),
        warnings=ngettext("{n} warning", "{n} warnings", v.warnings).format(n=v.warnings),
        files=ngettext("{n} file", "{n} files", len(v.files)).format(n=len(v.files)),
    )
