"""Formatting shared by every human-readable renderer: numbers, gaps, statuses, notes."""

from __future__ import annotations

from wcplan.assess import Assessment, IndicatorResult, Status
from wcplan.outlook import Outlook
from wcplan.plan import Attribute

STATUS_LABEL = {
    Status.MET: "met",
    Status.ON_TRACK: "on track",
    Status.BEHIND: "behind",
    Status.OFF_TRACK: "off track",
    Status.NO_DATA: "no data",
    Status.UNKNOWN: "unknown",
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
    Outlook.LIKELY: "likely",
    Outlook.AT_RISK: "at risk",
    Outlook.UNLIKELY: "unlikely",
    Outlook.UNKNOWN: "unknown",
}
#: The columns every report format shows for an indicator's result, in this order (same facts
#: everywhere); a format may add its own last column (a chart, the source).
RESULT_COLUMNS = [
    "ID",
    "Indicator",
    "Unit",
    "Baseline",
    "Target",
    "Actual",
    "Gap",
    "Compl.",
    "Progr.",
    "Status",
]
ATTRIBUTE_LABEL = {Attribute.CUMULATIVE: "累计值", Attribute.ANNUAL: "当年值", Attribute.RATIO: "占比值"}


def when(assessment: Assessment) -> str:
    """What a report covers: `2022`, or `2022-H1 (the year to date)`."""
    return str(assessment.year) if assessment.whole_year else f"{assessment.label} (the year to date)"


def source_label(result: IndicatorResult) -> str | None:
    """Where the value shown comes from: 'illustrative' for a made-up value, else its source."""
    if result.actual is None:
        return None
    return "illustrative" if result.actual.illustrative else result.actual.source


def status_text(status: Status) -> str:
    return f"{STATUS_SYMBOL[status]} {STATUS_LABEL[status]}"


def number(value: float | int | None) -> str:
    """A value as the plan writes it: no trailing zeros, at most three decimals."""
    if value is None:
        return ""
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def gap(result: IndicatorResult) -> str:
    if result.gap is None:
        return ""
    text = number(result.gap)
    text = text if text.startswith("-") or text == "0" else f"+{text}"
    return f"{text} pp" if result.indicator.attribute is Attribute.RATIO else text


def percent(ratio: float | None) -> str:
    return "" if ratio is None else f"{ratio * 100:.1f}%"


def points(value: float | None) -> str:
    """Percentage points with a sign: +6.6 pp."""
    return "" if value is None else f"{value:+.1f} pp"


def progress(ratio: float | None) -> str:
    return "" if ratio is None else f"{ratio:.2f}"


def counts_line(counts: dict[Status, int]) -> str:
    return " · ".join(f"{STATUS_LABEL[s]} {n}" for s, n in counts.items() if n or s.assessed)


def outlook(result: IndicatorResult) -> str:
    return OUTLOOK_LABEL[result.projection.outlook] if result.projection else ""


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
        share = "the one actual shown is a made-up illustrative value"
    elif len(shown) == 1:
        share = f"1 of the {len(used)} actuals shown is a made-up illustrative value"
    else:
        share = f"{len(shown)} of the {len(used)} actuals shown are made-up illustrative values"
    rest = (
        "not a published figure; do not cite it."
        if len(shown) == 1
        else "not published figures; do not cite them."
    )
    return [f"Illustrative data: {share} (source 'illustrative'), {rest}"]


def notes(assessment: Assessment) -> list[str]:
    """Plain sentences every report of this assessment must carry."""
    out = illustrative_note([r.actual for r in assessment.results])
    for r in assessment.results:
        if r.provisional and assessment.whole_year:
            out.append(
                f"Indicator {r.indicator.id} has no whole-year value for {assessment.year}: it is judged "
                f"on its latest figure, {r.actual.period_label}, provisionally (*)."
            )
        j = r.judgement
        if j.reference_year is not None:
            out.append(
                f"Indicator {r.indicator.id} has no baseline: its progress is measured from its "
                f"{j.reference_year} actual ({number(j.reference)})."
            )
        if r.status is Status.UNKNOWN and j.reason:
            out.append(f"Indicator {r.indicator.id} is unknown: {j.reason}.")
        elif r.status is Status.OFF_TRACK and j.reason:
            out.append(f"Indicator {r.indicator.id} is off track: {j.reason}.")
    return out


def md_cell(value: str) -> str:
    """A Markdown table cell: pipes and backslashes escaped, no line breaks."""
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
