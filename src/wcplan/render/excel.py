"""The report as an Excel workbook (XlsxWriter): a summary sheet, one sheet per lead unit, what lags,
no data and the method; frozen headers, number formats per unit, statuses coloured as in the
terminal, widths that fit Chinese text. Every figure and date is a typed cell (a commitment's
comparison, ≥ or >, has a column of its own beside its target). A unit's sheet is named by its
short name (Excel allows 31 characters) and titled with its full name. Every sheet prints on A4
landscape, one page wide, with its title and header rows repeated on each page. Text that a
spreadsheet could read as a formula is stored as text with Excel's quote prefix: shown as
written, never evaluated. Every cell passes through `_append`: text with control characters
visible (which Excel files cannot even hold), figures finite and never -0."""

from __future__ import annotations

import datetime as dt

from wcplan.base.controls import visible
from wcplan.base.i18n import N_, _
from wcplan.base.linebreak import cells as cell_len
from wcplan.model.measurement_units import is_count, is_percent
from wcplan.model.plan import Indicator
from wcplan.render import tasktext as t
from wcplan.render import text, xlsxbook
from wcplan.render.office import COMMITMENT_HEADER, RESULT_HEADER, STATUS_FILL
from wcplan.render.report import Report, marked_status, method
from wcplan.render.xlsxbook import Sheet
from wcplan.rules.status import IndicatorResult
from wcplan.rules.verdicts import Status

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def value_format(indicator: Indicator) -> str:
    """亿元 with one decimal, counts as integers, percentages with a % sign (the values are in percent)."""
    if is_percent(indicator.unit):
        return '0.0"%"'
    if is_count(indicator.unit):
        return "0"
    return "0.0"


def gap_format(indicator: Indicator) -> str:
    if is_percent(indicator.unit):
        unit = _("{value} pp").format(value="").strip()
        return f'+0.0" {unit}";-0.0" {unit}";0" {unit}"'
    return "+0;-0;0" if is_count(indicator.unit) else "+0.0;-0.0;0.0"


BOLD = (None, None)  # a font: (size, colour), bold


def workbook(report: Report) -> bytes:
    a = report.assessment
    meta = a.plan.meta
    sheets: list[Sheet] = []

    summary = Sheet(_("Summary"))
    sheets.append(summary)
    plan = a.plan
    #: above every printed page
    page_title = f"{meta.short_label} · " + _("{number} · progress report {when}").format(
        number=meta.document_number, when=text.when(a)
    )
    heads = (_("Status"), _("Lead unit"))
    lines = [
        [meta.title_label],
        [_("{number} · progress report {when}").format(number=meta.document_number, when=text.when(a))],
        [
            _("Made on {date}; actuals from {files}").format(
                date=report.made_on.isoformat(), files=", ".join(a.files) or _("no files")
            )
        ],
        [_("Sources of the values shown: {sources}.").format(sources=text.sources_text(report.sources))],
        *([note] for note in text.notes(a)),
        [],
        [heads[0], _("Indicators"), _("Share")],
        *([text.status_text(s), n, n / len(a.results) if a.results else None] for s, n in a.counts.items()),
        [],
        [heads[1], _("Indicators"), *(text.status_label(s) for s in a.counts), _("Score")],
        *([plan.unit_label(u.unit), u.total, *u.counts.values(), u.score] for u in report.units),
    ]
    unit_names = {visible(plan.unit_label(u.unit)) for u in report.units}
    for row in lines:
        _append(summary, row)
    summary.style(1, 1, font=(14, None))
    statuses = {text.status_text(s): s for s in Status}
    for r in range(1, summary.max_row + 1):
        first, last = summary.value(r, 1), summary.max_column
        if isinstance(first, str) and text.is_illustrative_note(first):
            summary.style(r, 1, font=(None, "C00000"))
        if first in heads:
            for c in range(1, last + 1):
                summary.style(r, c, font=BOLD)
        if isinstance(first, str) and first in statuses:
            summary.style(r, 1, fill=STATUS_FILL[statuses[first]])
            summary.style(r, 3, num="0.0%")
        if first in unit_names and summary.value(r, last) is not None:
            summary.style(r, last, num="0%")

    _sentences(
        summary, [r for r in range(1, summary.max_row + 1) if summary.value(r, 1) and len(lines[r - 1]) == 1]
    )

    used: set[str] = set()
    for card in report.units:
        sheet = Sheet(_sheet_name(plan.unit_short_label(card.unit), used))
        title = _("{unit} · {indicators}").format(
            unit=plan.unit_label(card.unit), indicators=text.indicators(card.total)
        )
        sheets.append(_results_sheet(sheet, card.results, title))

    lag = Sheet(_sheet_name(_("What lags"), used))
    sheets.append(_results_sheet(lag, report.lagging, _("What lags, furthest first")))
    missing = Sheet(_sheet_name(_("No data"), used))
    sheets.append(missing)
    _title(missing, _("No data"))
    _append(missing, text.headers([N_("ID"), N_("Indicator"), N_("Lead unit"), N_("Status"), N_("Why")]))
    for r in report.no_data:
        _append(
            missing,
            [
                r.indicator.id,
                r.indicator.label,
                plan.unit_label(r.indicator.lead),
                text.status_text(r.status),
                r.judgement.reason or _("no actual"),
            ],
        )
    _finish(missing)
    if report.tasks is not None:
        sheets += _tasks_sheets(report.tasks, used)
    rules = Sheet(_sheet_name(_("Method"), used))
    sheets.append(rules)
    _title(rules, _("How statuses are judged"))
    for line in method(a.plan):
        _append(rules, [line])
    _text_sheet(rules)

    return xlsxbook.save(sheets, report.made_on, page_title)


def _results_sheet(sheet: Sheet, results: list[IndicatorResult], title: str) -> Sheet:
    _title(sheet, title)
    _append(sheet, text.headers(RESULT_HEADER))
    for r in results:
        ind = r.indicator
        row = [
            ind.id,
            ind.label,
            text.unit(ind),
            ind.baseline,
            r.target,
            r.actual.value if r.actual else None,
            r.gap,
            r.completion,
            r.progress,
            marked_status(r),
            text.outlook(r) or None,
            text.source_label(r),
        ]
        _append(sheet, row)
        n = sheet.max_row
        for column in (4, 5, 6):
            sheet.style(n, column, num=value_format(ind))
        sheet.style(n, 7, num=gap_format(ind))
        sheet.style(n, 8, num="0.0%")
        sheet.style(n, 9, num="0.00")
        sheet.style(n, 10, fill=STATUS_FILL[r.status])
    _finish(sheet)
    return sheet


def _tasks_sheets(work, used) -> list[Sheet]:
    """Three sheets: the lines of work and the commitments, each with its lead units, and the notes.
    Dates, targets, due years and the plan so far are typed cells; the comparison has a column of
    its own."""
    names = work.plan
    lines = Sheet(_sheet_name(_("Lines of work"), used))
    _title(lines, t.section_title(work) + " · " + _("Lines of work"))
    _append(lines, [_("Lead units"), *text.headers(t.LINE_COLUMNS), _("Source")])
    for r in work.lines:
        cells = t.line_cells(r)
        cells[3] = r.latest.date if r.latest else None
        _append(
            lines, [names.units_label(r.task.lead), *cells, text.source_name(r.latest and r.latest.source)]
        )
        lines.style(lines.max_row, 5, num="yyyy-mm-dd")
    _finish(lines)
    sheet = Sheet(_sheet_name(_("Commitments"), used))
    _title(sheet, t.section_title(work) + " · " + _("Commitments"))
    head = text.headers(COMMITMENT_HEADER)
    _append(sheet, [_("Lead units"), *head, _("Wording"), _("Source")])
    for r in work.commitments:
        c = r.commitment
        cells = t.commitment_cells(r)
        plan_so_far = None
        if r.so_far is not None:
            plan_so_far = r.so_far.completion if r.so_far.completion is not None else r.so_far.progress
        _append(
            sheet,
            [
                names.units_label(c.leads),
                *cells[:3],
                c.comparison.symbol(c.direction, ascii=False),
                c.target,
                _("yearly") if c.yearly else c.due,
                r.value,
                r.gap,
                *cells[7:8],
                plan_so_far,
                *cells[9:],
                c.wording,
                ", ".join(map(text.source_name, r.sources)) or None,
            ],
        )
        n = sheet.max_row
        if not c.yearly:
            sheet.style(n, 7, num="0" if c.deadline_stated else '"("0")"')  # a year the text leaves unsaid
        sheet.style(n, 10, num="0.0%")
        sheet.style(n, 5, align=(None, None, "center"))
    _finish(sheet)
    notes = Sheet(_sheet_name(_("Task notes"), used))
    for note in [t.legend(), *t.notes(work)]:
        _append(notes, [note])
    _text_sheet(notes)
    return [lines, sheet, notes]


def _append(sheet: Sheet, values: list) -> None:
    """One row: text as every output shows it (wcplan.base.controls), figures as text.finite."""
    row = [
        visible(v) if isinstance(v, str) else text.finite(v) if isinstance(v, float) else v for v in values
    ]
    sheet.rows.append(row)
    for column, value in enumerate(row, 1):
        if isinstance(value, str) and value.startswith(FORMULA_START):
            sheet.style(sheet.max_row, column, quote=True)  # text, shown by Excel exactly as written
        elif isinstance(value, dt.date):
            sheet.style(
                sheet.max_row, column, num=_DATE_FORMAT[isinstance(value, dt.datetime)]
            )  # as openpyxl


_DATE_FORMAT = {False: "yyyy-mm-dd", True: "yyyy-mm-dd h:mm:ss"}  # a date, a date and time


def _title(sheet: Sheet, title: str) -> None:
    """The sheet's first row: what it shows, in full (a unit's full name)."""
    _append(sheet, [title])
    sheet.style(1, 1, font=(12, None))


def _finish(sheet: Sheet) -> None:
    """A table under its title row: header bold, frozen and filtered, widths fitted, printable."""
    for column in range(1, sheet.max_column + 1):
        sheet.style(2, column, font=BOLD)
    sheet.table = True
    _fit(sheet, range(2, sheet.max_row + 1))


#: The widest a column gets, in characters; longer text wraps within it.
WIDEST = 50


def _fit(sheet: Sheet, rows) -> None:
    """Widths from the text's display width (a Chinese character takes two columns), from the table
    rows given only; text wider than WIDEST wraps."""
    widths: dict[int, int] = {}
    for r in rows:
        lines = 1
        for column, value in enumerate(sheet.rows[r - 1], 1):
            if value is not None:
                width = cell_len(_shown(value))
                if width > WIDEST:
                    sheet.style(r, column, align=(True, None, None))  # at the bottom, as the row's others
                    lines = max(lines, -(-width // (WIDEST - 4)))
                widths[column] = max(widths.get(column, 0), min(width, WIDEST))
        if lines > 1:  # a wrapped row's height: spreadsheets do not grow it by themselves on opening
            sheet.heights[r] = lines * 15
    for column, width in widths.items():
        sheet.widths[column] = width + 2


def _shown(value) -> str:
    """About what a cell shows, for its width: a date as a date, a figure as wcplan shows it (a
    share such as 0.5238 shows as 52.4%)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return text.number(value, 1) + "%"
    return str(value)


def _sentences(sheet: Sheet, rows: list[int]) -> None:
    """Summary lines (the title, dates, notes) across the table's columns, wrapped: their own length
    never sets a column's width."""
    table = [
        r
        for r in range(1, sheet.max_row + 1)
        if r not in rows and any(v is not None for v in sheet.rows[r - 1])
    ]
    _fit(sheet, table)
    last = max(sheet.max_column, 1)
    width = sum(sheet.widths.get(c, 13) for c in range(1, last + 1))  # 13: a column's default
    for r in rows:
        sheet.merged.append(r)
        sheet.style(r, 1, align=(True, "top", None))
        lines = -(-cell_len(str(sheet.value(r, 1))) // max(int(width * 0.9), 1))
        size = sheet.font(r, 1)[0] or 11
        sheet.heights[r] = max(lines, 1) * size * 1.35


def _text_sheet(sheet: Sheet) -> None:
    """A sheet of sentences (the method, notes): one wide column, wrapped."""
    width = 110
    sheet.widths[1] = width
    for r in range(1, sheet.max_row + 1):
        sheet.style(r, 1, align=(True, "top", None))
        lines = -(-cell_len(str(sheet.value(r, 1) or "")) // (width - 6))
        if lines > 1:  # spreadsheets do not grow a wrapped row by themselves on opening
            sheet.heights[r] = lines * 15


def _sheet_name(unit: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters (UTF-16 units), none of []:*?/\\, no apostrophe first or
    last, unique whatever the case."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in visible(unit)) or _("Unit")
    name, n = _cut(base, 31), 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = _cut(base, 31 - len(suffix)) + suffix, n + 1
    used.add(name.lower())
    return name


def _cut(name: str, units: int) -> str:
    while len(name.encode("utf-16-le")) > 2 * units:
        name = name[:-1]
    if name.startswith("'"):
        name = "_" + name[1:]
    return name[:-1] + "_" if name.endswith("'") else name
