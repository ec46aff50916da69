"""Reading a figure from a cell: a plain number (1,352.5, full-width １３５２, 24.1%), within range,
in the item's measurement unit or one that converts into it, and possible for what it counts.

The same checks serve an indicator's actual and a commitment's figure (`check_value`).
"""

from __future__ import annotations

import re
import unicodedata

from wcplan.base.i18n import _
from wcplan.model import measurement_units as units

#: The largest figure (in magnitude) a value may have, as written. No figure of the plan comes near
#: it in any unit (the largest, industrial output, is under 2,000 亿元), and below it every sum,
#: ratio and projection wcplan computes stays finite: a value beyond it is an error at its cell.
MAX_FIGURE = 1e15


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _normalised(text: str) -> str:
    """Full-width forms to ASCII (１３００ -> 1300), spaces trimmed; plain ASCII is left as it is."""
    return text.strip() if text.isascii() else unicodedata.normalize("NFKC", text).strip()


def parse_number(text: str) -> float | None:
    """A number written plainly: `1300`, `1,300.5`, full-width `１３００`. Never a formula, never
    nan; one beyond a float's range (a thousand digits, 1e999) is infinite, which the range check
    of `check_value` refuses with every figure beyond MAX_FIGURE."""
    text = _normalised(text)
    if text.isascii() and text.isdigit():  # the common case, decided without a pattern
        return float(text)
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not _PLAIN.fullmatch(text):
        return None  # rejects 'nan', 'inf', '=1+1', '约300', 'N/A'
    return float(text)


def parse_int(text: str) -> int | None:
    """A whole number written plainly. No id or year has 19 digits, and int() would refuse
    thousands of them (Python's limit), so longer digit strings are not numbers here."""
    text = _normalised(text)
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def name_key(name: str) -> str:
    """A name compared without spaces or full-width forms: how the plan's names are matched."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def check_value(text: str, unit: str, given: str, subject: str) -> tuple:
    """(value, problem, conversion note) for a value text of an item counted in `unit`;
    `subject` names the item in sentences ('indicator 5', 'commitment C02')."""
    if not text:
        return (
            None,
            (
                "value-missing",
                "value",
                _("the value is empty; leave the row out if there is no figure yet."),
            ),
            None,
        )
    clean = _normalised(text)
    percent_sign = clean.endswith("%")
    value = parse_number(clean[:-1] if percent_sign else clean)
    if value is None:
        return (
            None,
            ("value-not-number", "value", _("the value '{text}' is not a number.").format(text=text)),
            None,
        )
    if not abs(value) <= MAX_FIGURE:
        return (
            None,
            (
                "value-out-of-range",
                "value",
                _("the value '{text}' is out of range: no figure of the plan is beyond {limit}.").format(
                    text=text, limit=f"{MAX_FIGURE:,.0f}"
                ),
            ),
            None,
        )
    value += 0.0  # -0 is 0, and must never show as -0.0 downstream
    if percent_sign and not units.is_percent(unit):
        return (
            None,
            (
                "unit-mismatch",
                "value",
                _("the value '{text}' is a percentage, but {subject} is counted in {unit}.").format(
                    text=text, subject=subject, unit=units.named(unit)
                ),
            ),
            None,
        )
    note = None
    if given and not units.same_unit(given, unit):
        factor = units.conversion(given, unit)
        if factor is None:
            return (
                None,
                (
                    "unit-mismatch",
                    "unit",
                    _(
                        "{given} and {unit} are different units: {subject} is counted in {unit_as_written}, "
                        "and a figure in {given_as_written} cannot be converted to it."
                    ).format(
                        given=units.named(given),
                        unit=units.named(unit),
                        subject=subject,
                        unit_as_written=unit,
                        given_as_written=given,
                    ),
                ),
                None,
            )
        note = _(
            "values in {given} are converted to {unit}, the unit of {subject} (here {value} "
            "{given_as_written} "
            "= {converted} {unit_as_written}); further rows of this file are converted without a note."
        ).format(
            given=units.named(given),
            unit=units.named(unit),
            subject=subject,
            value=figure_text(value),
            given_as_written=given,
            converted=figure_text(value * factor),
            unit_as_written=unit,
        )
        value *= factor
    if value < 0:
        return (
            None,
            (
                "negative-value",
                "value",
                _("the value {value} is negative; wcplan's measures cannot be.").format(
                    value=figure_text(value)
                ),
            ),
            None,
        )
    if units.is_count(unit) and not float(value).is_integer():
        return (
            None,
            (
                "fraction-for-count",
                "value",
                _("the value {value} is not a whole number, but {subject} is a count ({unit}).").format(
                    value=figure_text(value), subject=subject, unit=unit
                ),
            ),
            None,
        )
    if units.is_percent(unit) and value > 100:
        return (
            None,
            (
                "percent-out-of-range",
                "value",
                _("the value {value} is a percentage above 100.").format(value=figure_text(value)),
            ),
            None,
        )
    return value, None, note


def figure_text(value: float) -> str:
    """A figure in a sentence about input: as written, up to ten significant digits."""
    return f"{value:.10g}"
