"""Checking one data row of a file of actuals: its indicator (by id or name), its year or period,
its value and unit, its source and reporter, and the control characters of its cells. Every
problem is a finding at the row's line and the field's column; a row without one becomes an
`Actual` handed to the merger (wcplan.reading.merging).
"""

from __future__ import annotations

from collections.abc import Iterable

from wcplan.base.controls import code, controls
from wcplan.base.findings import Severity
from wcplan.base.i18n import _, ngettext
from wcplan.model.periods import FORMS_HELP, parse_period, shown, whole_year
from wcplan.model.plan import Indicator, Plan
from wcplan.model.records import ILLUSTRATIVE, Actual
from wcplan.reading.merging import ActualsMerger
from wcplan.reading.table import Reporter
from wcplan.reading.values import check_value, name_key, parse_int, parse_number


def report_controls(row: list[str], positions: Iterable[int | None], line: int, report: Reporter) -> None:
    """A warning for each cell read that holds control characters (wcplan.base.controls): an escape
    sequence or a direction override in a note is a paste accident or an attack, never data.
    A warning, not an error: no figure depends on it, and every output shows it harmlessly as
    <U+XXXX>; `validate --strict` refuses it."""
    if "".join(row).isprintable():
        return
    for index in sorted(i for i in positions if i is not None):
        found = controls(row[index])
        if not found:
            continue
        codes = ", ".join(dict.fromkeys(code(ch) for _i, ch in found))
        report(
            "control-character",
            ngettext(
                "this cell holds an invisible control character, {codes}, at character {position}; "
                "outputs show it as <{first}>. Delete it from the file.",
                "this cell holds {n} invisible control characters ({codes}), the first at character "
                "{position}; outputs show each as its code in angle brackets, like <{first}>. Delete them "
                "from the file.",
                len(found),
            ).format(n=len(found), codes=codes, first=code(found[0][1]), position=found[0][0] + 1),
            line,
            index + 1,
            Severity.WARNING,
        )


CHECKED = ("indicator", "name", "year", "period", "value", "unit", "source", "note", "reporter")


class RowChecker:
    """Turns one data row into an Actual, or into findings: every check a row gets.

    Files repeat a few indicator, period and unit texts over many rows, so each pure parse
    is memoised by its text; findings are still made per row, with that row's line and column.
    """

    def __init__(self, plan: Plan, trace: bool = False):
        self.plan = plan
        self.by_name = {name_key(i.name): i for i in plan.indicators}
        ids = [i.id for i in plan.indicators]
        self.id_range = f"{min(ids)}–{max(ids)}"
        self.years = {plan.meta.base_year, *plan.years}
        self.years_help = _("{base} (the baseline) or a plan year, {years}").format(
            base=plan.meta.base_year, years=", ".join(map(str, plan.years))
        )
        self._indicators: dict[tuple[str, str, bool], tuple] = {}
        self._periods: dict[tuple[str, str, bool], tuple] = {}
        self._values: dict[tuple[str, int, str], tuple] = {}
        self._subjects: dict[int, str] = {}  # 'indicator 5', as sentences about a value name it
        self._converted: set[tuple[str, str, str]] = set()  # (file, from, to) already named in a note
        #: ActualsRead.unread, kept when tracing
        self.unread: dict[tuple[str, int], tuple[int, int, int]] | None = {} if trace else None

    def check(
        self,
        row: list[str],
        columns: dict[str, int],
        layout: list[int | None],
        line: int,
        report: Reporter,
        merger: ActualsMerger,
    ) -> bool:
        """Check one row and hand its value to `merger`; whether the row is not filled in yet.

        `layout`: the positions of the CHECKED columns in `row` (None where a file lacks one).
        """
        id_text, name_text, year_text, period_text, value_text, unit_text, source, note, reporter = [
            row[index].strip() if index is not None else "" for index in layout
        ]
        report_controls(row, layout, line, report)
        # A row with nothing of what a reporter writes (a fill-in sheet's row left empty) is not yet
        # filled in: a note, not data. An empty value beside a source or a note is an error.
        unfilled = not (value_text or source or note)
        ok = True
        indicator, problem = self.indicator(id_text, name_text, columns)
        if problem:
            report(problem[0], problem[2], line, columns[problem[1]] + 1)
            ok = False

        period, problem = self.period(year_text, period_text, columns)
        if problem:
            report(problem[0], problem[2], line, columns[problem[1]] + 1)
            ok = False

        value = None
        if unfilled:
            report("value-not-filled", not_filled(), line, columns["value"] + 1, Severity.NOTE)
        elif indicator is not None or not value_text:
            value, problem, conversion = self.value(value_text, indicator, unit_text)
            if problem:
                report(problem[0], problem[2], line, columns[problem[1]] + 1)
                ok = False
            if conversion and (report.name, unit_text, indicator.unit) not in self._converted:
                self._converted.add((report.name, unit_text, indicator.unit))
                report("unit-converted", conversion, line, columns["unit"] + 1, Severity.NOTE)
        elif value_text and (problem := not_a_number(value_text)):
            report(problem[0], problem[2], line, columns[problem[1]] + 1)

        if not source and "source" in columns and not unfilled:
            report("source-missing", source_missing(), line, columns["source"] + 1, Severity.WARNING)
        if indicator is not None and reporter and reporter not in indicator.units():
            report(
                "reporter-not-responsible",
                not_responsible(reporter, indicator),
                line,
                columns["reporter"] + 1,
            )
            ok = False
        if not ok or value is None or merger.seen(indicator.id, period, value, report.name, line):
            if self.unread is not None and indicator is not None and period is not None:
                self.unread[report.name, line] = (indicator.id, period.year, period.months)
            return unfilled
        merger.add(
            Actual(
                indicator=indicator.id,
                year=period.year,
                value=value,
                source=source or None,
                note=note or None,
                illustrative=source.casefold() == ILLUSTRATIVE,
                file=report.name,
                line=line,
                period=None if period.whole_year else period.label,
                months=period.months,
                reporter=reporter or None,
            ),
            period.label,
        )
        return False

    # Each parse returns (result, problem) where problem is (code, column, sentence) or None;
    # each is memoised by its texts. The column-wise reader (wcplan.reading.columns) calls them too.

    def indicator(self, id_text: str, name_text: str, columns) -> tuple:
        """(indicator, problem) for the stripped texts of the indicator and name columns."""
        key = (id_text, name_text, "indicator" in columns)  # an empty one names the file's column
        found = self._indicators.get(key)
        if found is None:
            found = self._indicators[key] = self._indicator(id_text, name_text, columns)
        return found

    def period(self, year_text: str, period_text: str, columns) -> tuple:
        """(period, problem) for the stripped texts of the year and period columns."""
        key = (year_text, period_text, "year" in columns)  # an empty one names the file's column
        found = self._periods.get(key)
        if found is None:
            found = self._periods[key] = self._period(year_text, period_text, columns)
        return found

    def value(self, value_text: str, indicator: Indicator | None, unit_text: str) -> tuple:
        """(value, problem, conversion note) for a value text of an indicator (or of none, when
        the text is empty)."""
        key = (value_text, indicator.id if indicator else 0, unit_text)
        found = self._values.get(key)
        if found is None:
            found = self._value(value_text, indicator, unit_text)
            if len(self._values) < 100_000:  # values vary most: bound the memo
                self._values[key] = found
        return found

    def _indicator(self, id_text: str, name_text: str, columns) -> tuple:
        by_id = by_name = None
        if id_text:
            number = parse_int(id_text)
            if number is None:
                return None, (
                    "indicator-invalid",
                    "indicator",
                    _("'{id_text}' is not an indicator id (a whole number, {id_range}).").format(
                        id_text=id_text, id_range=self.id_range
                    ),
                )
            by_id = self.plan.indicator(number)
            if by_id is None:
                return None, (
                    "unknown-indicator",
                    "indicator",
                    _("indicator {number} is not in the plan (its ids run {id_range}).").format(
                        number=number, id_range=self.id_range
                    ),
                )
        if name_text:
            by_name = self.by_name.get(name_key(name_text))
            if by_name is None:
                return None, ("unknown-indicator", "name", self._unknown_name(name_text))
        if by_id and by_name and by_id.id != by_name.id:
            return None, (
                "id-name-mismatch",
                "name",
                _(
                    "indicator {id} is '{name}', but this row names '{name_text}' (indicator {id2}); correct "
                    "one of them."
                ).format(id=by_id.id, name=by_id.name, name_text=name_text, id2=by_name.id),
            )
        if by_id is None and by_name is None:
            col = "indicator" if "indicator" in columns else "name"
            return None, ("indicator-missing", col, _("the indicator is empty; give its id or its name."))
        return by_id or by_name, None

    def _unknown_name(self, name_text: str) -> str:
        """No indicator has this name: the sentence names the closest one, if one is close."""
        from wcplan.base.suggest import closest

        names = {i.name: i for i in self.plan.indicators}
        near = closest(name_text, names, n=1)
        if not near:
            return _("no indicator of the plan is called '{name_text}'.").format(name_text=name_text)
        return _(
            "no indicator of the plan is called '{name_text}'; did you mean '{name}' (indicator {id})?"
        ).format(name_text=name_text, name=near[0], id=names[near[0]].id)

    def _period(self, year_text: str, period_text: str, columns) -> tuple:
        year = period = None
        if year_text:
            number = parse_int(year_text.removesuffix("年"))
            if number is None:
                return None, (
                    "year-invalid",
                    "year",
                    _("'{year_text}' is not a year; give {years_help}.").format(
                        year_text=year_text, years_help=self.years_help
                    ),
                )
            year = whole_year(number)
        if period_text:
            period = parse_period(period_text)
            if period is None:
                return None, (
                    "period-invalid",
                    "period",
                    _("'{period}' is not a period; write it as {forms}.").format(
                        period=period_text, forms=_(FORMS_HELP)
                    ),
                )
        if year and period and year.year != period.year:
            return None, (
                "year-period-mismatch",
                "period",
                _("the period {label} is not in the year {year} given beside it.").format(
                    label=shown(period.label), year=year.year
                ),
            )
        chosen = period or year
        col = "period" if period else "year"
        if chosen is None:
            col = "year" if "year" in columns else "period"
            return None, (
                f"{col}-missing",
                col,
                (
                    _("the year is empty; give {years}.")
                    if col == "year"
                    else _("the period is empty; give {years}.")
                ).format(years=self.years_help),
            )
        if chosen.year not in self.years:
            return None, (
                f"{col}-outside-plan",
                col,
                _("{label} is outside the plan; give {years_help}.").format(
                    label=shown(chosen.label), years_help=self.years_help
                ),
            )
        if chosen.year == self.plan.meta.base_year and not chosen.whole_year:
            return None, (
                "period-outside-plan",
                col,
                _("{label} lies in the base year {year}, which has whole-year values only.").format(
                    label=shown(chosen.label), year=chosen.year
                ),
            )
        return chosen, None

    def _value(self, text: str, indicator: Indicator | None, given: str) -> tuple:
        """(value, problem, conversion note) for a value text of an indicator."""
        if indicator is None:
            return check_value(text, "", given, "")
        subject = self._subjects.get(indicator.id)
        if subject is None:
            subject = self._subjects[indicator.id] = _("indicator {id}").format(id=indicator.id)
        return check_value(text, indicator.unit, given, subject)


def not_a_number(value_text: str) -> tuple | None:
    """The problem of a value given for no known indicator: only that it is not a number."""
    if parse_number(value_text.removesuffix("%")) is None:
        return ("value-not-number", "value", _("the value '{text}' is not a number.").format(text=value_text))
    return None


def source_missing() -> str:
    return _("the source is empty: say where this value comes from.")


def not_responsible(reporter: str, indicator: Indicator) -> str:
    return _(
        "{reporter} is neither the lead nor a responsible unit of indicator {id} ({value}); a "
        "unit may only report its own indicators."
    ).format(reporter=reporter, id=indicator.id, value=", ".join(indicator.units()))


def not_filled() -> str:
    return _("not filled in yet: this row has no value, source or note, so it is not counted as data.")
