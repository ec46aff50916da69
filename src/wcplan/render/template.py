"""Fill-in sheets (wcplan.model.template) as files: an Excel workbook to fill in, or CSV.

The workbook's first sheet is the table `wcplan validate` reads: the filled-in cells locked and
shaded, the value, source and note open; Excel checks each value as it is typed (a number of 0 or
more; 0 to 100 for a percentage; a whole number for a count) and says its unit when the cell is
selected; the header stays in view and prints on every page (A4 landscape, one page wide). The
second sheet says how to fill it in. The workbook is a form for the plan's units, so it is in
Chinese, like the table (the reader matches names as the plan writes them); with an English
interface (`--lang en`), the instructions follow in English as well.

CSV is UTF-8 with the byte-order mark that makes Excel on Windows read it as UTF-8 (without it,
Excel in China reads GBK and shows the Chinese garbled).
"""

from __future__ import annotations

import contextlib
import csv
import io

from wcplan.base import i18n
from wcplan.base.controls import visible
from wcplan.base.i18n import _
from wcplan.base.linebreak import cells as cell_len
from wcplan.model import measurement_units as units
from wcplan.model.template import COLUMNS, Role, Template
from wcplan.render import text
from wcplan.render.excel import FORMULA_START

#: Filled-in cells, the header and the input cells: the greys of a form, and white to write in.
HEADER_FILL = "D9D9D9"
FILLED_FILL = "F2F2F2"
#: Widths (in characters) of the columns a unit writes in; the others fit their text.
INPUT_WIDTHS = {"value": 12, "source": 32, "note": 32}
#: The width of the instruction sheet's one column, in characters (a Chinese one takes two).
NOTE_WIDTH = 72


def csv_bytes(template: Template) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in template.table():
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return text.number(value, 6)
    return visible(str(value))


def rule(unit: str) -> tuple[str, dict]:
    """What a value in `unit` may be: (the sentence that says it, openpyxl DataValidation
    arguments)."""
    label = units.label(unit)
    if units.is_percent(unit):
        sentence = _("a percentage from 0 to 100 (24.1 for 24.1%)")
        return sentence, {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "100"}
    if units.is_count(unit):
        sentence = _("a whole number of {unit}, 0 or more").format(unit=label)
        return sentence, {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"}
    sentence = _("a number of {unit}, 0 or more").format(unit=label)
    return sentence, {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"}


@contextlib.contextmanager
def _chinese():
    """Messages in Chinese for a while: the sheet is a form for the plan's units, in their language."""
    current = i18n.language()
    i18n.activate("zh")
    try:
        yield
    finally:
        i18n.activate(current)


def xlsx_bytes(template: Template) -> bytes:
    """The workbook, in Chinese whatever the interface language; in English, the instructions
    follow in English as well."""
    english = instructions(template) if i18n.language() == "en" else []
    with _chinese():
        return _workbook(template, english)


def _workbook(template: Template, english: list[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = _("Fill-in sheet")
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    filled = PatternFill("solid", fgColor=FILLED_FILL)
    open_cell = Protection(locked=False)

    for row in template.table():
        _append(sheet, row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = border
    inputs = {i + 1 for i, c in enumerate(COLUMNS) if c.filled_in}
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.border = border
            if cell.column in inputs:
                cell.protection = open_cell  # the sheet is protected: only these can be written
            else:
                cell.fill = filled

    # Excel checks each value as it is typed, and names the unit when the cell is selected.
    value_column = get_column_letter(next(i + 1 for i, c in enumerate(COLUMNS) if c.key == "value"))
    checks: dict[str, DataValidation] = {}
    for number, row in enumerate(template.rows, start=2):
        unit = row.indicator.unit
        if unit not in checks:
            sentence, arguments = rule(unit)
            prompt = _("{period}: {rule}.").format(period=template.period_text, rule=sentence)
            checks[unit] = DataValidation(
                **arguments,
                allow_blank=True,
                showInputMessage=True,
                promptTitle=_limit(_("Value in {unit}").format(unit=units.label(unit, short=True)), 32),
                prompt=_limit(prompt, 255),
                showErrorMessage=True,
                errorTitle=_limit(_("Not a value for this cell"), 32),
                error=_limit(_("The value must be {rule}.").format(rule=sentence), 255),
                imeMode="off",  # figures are typed with the input method off: no full-width digits
            )
        checks[unit].add(f"{value_column}{number}")
    for check in checks.values():
        sheet.add_data_validation(check)

    sheet.protection.sheet = True
    # Protected against edits, not against reading comfort: columns and rows may still be resized.
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.freeze_panes = "C2"  # the header and the indicator's id and name stay in view
    _widths(sheet, get_column_letter)
    _print_setup(sheet, template)

    notes = book.create_sheet(_("Instructions"))
    chinese = instructions(template)
    for line in [*chinese, *(["", *english] if english else [])]:
        _append(notes, [line])
    for row in (1, len(chinese) + 2) if english else (1,):
        notes.cell(row, 1).font = Font(bold=True, size=13)
    notes.column_dimensions["A"].width = NOTE_WIDTH
    for row in notes.iter_rows(min_row=2):
        cell = row[0]
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Not every spreadsheet grows a row to its wrapped text: give each the height it needs.
        lines = -(-cell_len(str(cell.value or "")) // (NOTE_WIDTH - 4))
        notes.row_dimensions[cell.row].height = 15 * max(lines, 1) + 3
    notes.page_setup.paperSize = notes.PAPERSIZE_A4
    notes.sheet_properties.pageSetUpPr.fitToPage = True
    notes.page_setup.fitToWidth = 1
    notes.page_setup.fitToHeight = 0
    book.active = 0

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def instructions(template: Template) -> list[str]:
    """The instruction sheet, line by line, in the current language: a title, the plan, and
    numbered steps."""
    plan, period = template.plan, template.period
    meta = plan.meta
    if period.whole_year:
        what = _("Write in 实际值 each indicator's figure for {year}, in the unit of 单位: a number only.")
    else:
        what = _(
            "Write in 实际值 each indicator's figure for {period}, from the start of the year to the end "
            "of the period (累计), in the unit of 单位: a number only."
        )
    steps = [
        what.format(year=period.year, period=template.period_text),
        _(
            "A percentage is written as its number of percent (24.1 for 24.1%); 家 and 个 are counted in "
            "whole numbers. Excel checks each value as it is typed."
        ),
        _(
            "Write in 来源 where each value comes from (the statistics office, a document and its date); "
            "备注 keeps anything worth saying beside it."
        ),
        _(
            "The grey cells are filled in already and locked: do not change them, and do not add, remove "
            "or rename columns. 目标值 is the target for {year} and 基期值 the baseline ({base}), for "
            "reference."
        ).format(year=period.year, base=meta.base_year),
    ]
    if template.count(Role.RESPONSIBLE):
        steps.append(
            _(
                "责任类型 牵头: your unit leads the indicator and reports it. 责任: your unit is a "
                "responsible unit and the lead unit reports it; fill it in only with the figure agreed with "
                "the lead unit, or leave it empty. A sheet with no value filled in need not be sent back."
            )
        )
    steps += [
        _(
            "Leave a row empty while there is no figure: it is read as not filled in yet, never as a "
            "value, and the unit is asked for it again."
        ),
        _("Save the workbook as it is (.xlsx) and send it back; `wcplan validate FILE` checks it."),
    ]
    title = _("Fill-in sheet of {unit} for {period}").format(
        unit=plan.unit_label(template.unit), period=template.period_text
    )
    return [
        title,
        f"{meta.title_label} {meta.document_number}",
        *(f"{n}. {s}" for n, s in enumerate(steps, 1)),
    ]


def _append(sheet, values: list) -> None:
    """One row: text as every output shows it (wcplan.base.controls), never read as a formula."""
    sheet.append([visible(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True


def _widths(sheet, letter) -> None:
    """Widths from the text's display width (a Chinese character takes two columns)."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                widths[cell.column] = max(widths.get(cell.column, 0), cell_len(str(cell.value)))
    for index, column in enumerate(COLUMNS, start=1):
        width = INPUT_WIDTHS.get(column.key, min(widths.get(index, 0), 60))
        sheet.column_dimensions[letter(index)].width = width + 2


def _print_setup(sheet, template: Template) -> None:
    """A4 landscape, one page wide however long, the header row on every page."""
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"
    sheet.print_options.horizontalCentered = True
    title = f"{template.unit} · {template.period_text}"
    sheet.oddHeader.center.text = visible(title).replace("&", "&&")  # & starts a header code
    sheet.oddFooter.center.text = _("Page &P of &N")


def _limit(sentence: str, size: int) -> str:
    """Excel refuses a data-validation title over 32 characters and a message over 255."""
    return sentence if len(sentence) <= size else sentence[: size - 1] + "…"
