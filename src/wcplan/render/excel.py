"""The report as an Excel workbook (openpyxl): a summary sheet, one sheet per lead unit, what lags,
no data and the method; frozen headers, number formats per unit, statuses coloured as in the
terminal, widths that fit Chinese text. Every figure and date is a typed cell (a commitment's
comparison, ≥ or >, has a column of its own beside its target). A unit's sheet is named by its
short name (Excel allows 31 characters) and titled with its full name. Every sheet prints on A4
landscape, one page wide, with its title and header rows repeated on each page. Text that a
spreadsheet could read as a formula is stored as text with Excel's quote prefix: shown as
written, never evaluated. Every cell passes through `_append`: text with control characters
visible (which Excel files cannot even hold), figures finite and never -0."""

from __future__ import annotations

import io

from wcplan.base.controls import visible
from wcplan.base.i18n import N_, _
from wcplan.base.linebreak import cells as cell_len
from wcplan.base.packages import import_openpyxl
from wcplan.model.measurement_units import is_count, is_percent
from wcplan.model.plan import Indicator
from wcplan.render import tasktext as t
from wcplan.render import text
from wcplan.render.office import COMMITMENT_HEADER, RESULT_HEADER, STATUS_FILL
from wcplan.render.report import Report, marked_status, method
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


def workbook(report: Report) -> bytes:
    import_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    bold = Font(bold=True)
    a = report.assessment
    meta = a.plan.meta

    summary = book.active
    plan = a.plan
    summary.title = _("Summary")
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
    summary["A1"].font = Font(bold=True, size=14)
    for row in summary.iter_rows():
        first = row[0].value
        if isinstance(first, str) and text.is_illustrative_note(first):
            row[0].font = Font(bold=True, color="C00000")
        if first in heads:
            for cell in row:
                cell.font = bold
        if isinstance(first, str) and any(first == text.status_text(s) for s in Status):
            status = next(s for s in Status if first == text.status_text(s))
            row[0].fill = PatternFill("solid", fgColor=STATUS_FILL[status])
            row[2].number_format = "0.0%"
        if first in unit_names and row[-1].value is not None:
            row[-1].number_format = "0%"

    _sentences(
        summary, [row for row in summary.iter_rows() if row[0].value and len(lines[row[0].row - 1]) == 1]
    )
    _print_setup(summary, page_title, None)

    used = set()
    for card in report.units:
        sheet = book.create_sheet(_sheet_name(plan.unit_short_label(card.unit), used))
        title = _("{unit} · {indicators}").format(
            unit=plan.unit_label(card.unit), indicators=text.indicators(card.total)
        )
        _results_sheet(sheet, card.results, bold, title, page_title)

    lag = book.create_sheet(_sheet_name(_("What lags"), used))
    _results_sheet(lag, report.lagging, bold, _("What lags, furthest first"), page_title)
    missing = book.create_sheet(_sheet_name(_("No data"), used))
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
    _finish(missing, bold, page_title)
    if report.tasks is not None:
        _tasks_sheets(book, report.tasks, bold, used, page_title)
    rules = book.create_sheet(_sheet_name(_("Method"), used))
    _title(rules, _("How statuses are judged"))
    for line in method(a.plan):
        _append(rules, [line])
    _text_sheet(rules, page_title)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _results_sheet(sheet, results: list[IndicatorResult], bold, title: str, page_title: str) -> None:
    from openpyxl.styles import PatternFill

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
        cells = sheet[sheet.max_row]
        for index in (3, 4, 5):
            cells[index].number_format = value_format(ind)
        cells[6].number_format = gap_format(ind)
        cells[7].number_format = "0.0%"
        cells[8].number_format = "0.00"
        cells[9].fill = PatternFill("solid", fgColor=STATUS_FILL[r.status])
    _finish(sheet, bold, page_title)


def _tasks_sheets(book, work, bold, used, page_title: str) -> None:
    """Two sheets: the lines of work and the commitments, each with its lead units. Dates, targets,
    due years and the plan so far are typed cells; the comparison has a column of its own."""
    from openpyxl.styles import Alignment

    names = work.plan
    lines = book.create_sheet(_sheet_name(_("Lines of work"), used))
    _title(lines, t.section_title(work) + " · " + _("Lines of work"))
    _append(lines, [_("Lead units"), *text.headers(t.LINE_COLUMNS), _("Source")])
    for r in work.lines:
        cells = t.line_cells(r)
        cells[3] = r.latest.date if r.latest else None
        _append(
            lines, [names.units_label(r.task.lead), *cells, text.source_name(r.latest and r.latest.source)]
        )
        lines.cell(lines.max_row, 5).number_format = "yyyy-mm-dd"
    _finish(lines, bold, page_title)
    sheet = book.create_sheet(_sheet_name(_("Commitments"), used))
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
        row = sheet[sheet.max_row]
        if not c.yearly:
            row[6].number_format = "0" if c.deadline_stated else '"("0")"'  # a year the text leaves unsaid
        row[9].number_format = "0.0%"
        row[4].alignment = Alignment(horizontal="center")
    _finish(sheet, bold, page_title)
    notes = book.create_sheet(_sheet_name(_("Task notes"), used))
    for note in [t.legend(), *t.notes(work)]:
        _append(notes, [note])
    _text_sheet(notes, page_title)


def _append(sheet, values: list) -> None:
    """One row: text as every output shows it (wcplan.base.controls), figures as text.finite."""
    sheet.append(
        [visible(v) if isinstance(v, str) else text.finite(v) if isinstance(v, float) else v for v in values]
    )
    for cell in sheet[sheet.max_row]:
        value = cell.value
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.value = value
            cell.data_type = "s"  # stored as text: never a formula
            cell.quotePrefix = True  # and shown by Excel exactly as written


def _title(sheet, title: str) -> None:
    """The sheet's first row: what it shows, in full (a unit's full name)."""
    from openpyxl.styles import Font

    _append(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=12)


def _finish(sheet, bold, page_title: str) -> None:
    """A table under its title row: header bold, frozen and filtered, widths fitted, printable."""
    for cell in sheet[2]:
        cell.font = bold
    sheet.freeze_panes = "A3"
    if sheet.max_row > 2:
        sheet.auto_filter.ref = f"A2:{sheet.cell(sheet.max_row, sheet.max_column).coordinate}"
    _fit(sheet, first=2)
    _print_setup(sheet, page_title, "1:2")


#: The widest a column gets, in characters; longer text wraps within it.
WIDEST = 50


def _fit(sheet, first: int = 1, rows=None) -> None:
    """Widths from the text's display width (a Chinese character takes two columns), from the table
    rows only (from row `first`, or the `rows` given); text wider than WIDEST wraps."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True)  # at the bottom, as the row's other cells are
    widths: dict[int, int] = {}
    for row in rows if rows is not None else sheet.iter_rows(min_row=first):
        lines = 1
        for cell in row:
            if cell.value is not None:
                width = cell_len(_shown(cell.value))
                if width > WIDEST:
                    cell.alignment = wrap
                    lines = max(lines, -(-width // (WIDEST - 4)))
                widths[cell.column] = max(widths.get(cell.column, 0), min(width, WIDEST))
        if lines > 1:  # a wrapped row's height: spreadsheets do not grow it by themselves on opening
            sheet.row_dimensions[row[0].row].height = lines * 15
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width + 2


def _shown(value) -> str:
    """About what a cell shows, for its width: a date as a date, a figure as wcplan shows it (a
    share such as 0.5238 shows as 52.4%)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return text.number(value, 1) + "%"
    return str(value)


def _sentences(sheet, rows) -> None:
    """Summary lines (the title, dates, notes) across the table's columns, wrapped: their own length
    never sets a column's width."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    table = [row for row in sheet.iter_rows() if row not in rows and any(c.value is not None for c in row)]
    _fit(sheet, rows=table)
    last = max(sheet.max_column, 1)
    width = sum(sheet.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, last + 1))
    for row in rows:
        cell = row[0]
        sheet.merge_cells(start_row=cell.row, start_column=1, end_row=cell.row, end_column=last)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = -(-cell_len(str(cell.value)) // max(int(width * 0.9), 1))
        size = cell.font.size or 11
        sheet.row_dimensions[cell.row].height = max(lines, 1) * size * 1.35


def _text_sheet(sheet, page_title: str) -> None:
    """A sheet of sentences (the method, notes): one wide column, wrapped."""
    from openpyxl.styles import Alignment

    width = 110
    sheet.column_dimensions["A"].width = width
    for row in sheet.iter_rows():
        cell = row[0]
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = -(-cell_len(str(cell.value or "")) // (width - 6))
        if lines > 1:  # spreadsheets do not grow a wrapped row by themselves on opening
            sheet.row_dimensions[cell.row].height = lines * 15
    _print_setup(sheet, page_title, None)


def _print_setup(sheet, page_title: str, title_rows: str | None) -> None:
    """A4 landscape, one page wide (as many pages long as it takes), the title and header rows on
    every page, the report's title above and the page number below."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddHeader.center.text = visible(page_title).replace("&", "&&")
    sheet.oddHeader.center.size = 9
    page = _("page {page} of {pages}").replace("&", "&&")
    sheet.oddFooter.center.text = page.replace("{page}", "&P").replace("{pages}", "&N")
    sheet.oddFooter.center.size = 9


def _sheet_name(unit: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in visible(unit))[:31] or _("Unit")
    name, n = base, 2
    while name in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name
