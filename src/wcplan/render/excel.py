"""The report as an Excel workbook (openpyxl): a summary sheet, one sheet per lead unit, what lags,
no data and the method; frozen headers, number formats per unit, statuses coloured as in the
terminal, widths that fit Chinese text. Text that a spreadsheet could read as a formula is
stored as text with Excel's quote prefix: shown as written, never evaluated. Every cell passes
through `_append`: text with control characters visible (which Excel files cannot even hold),
figures finite and never -0."""

from __future__ import annotations

import io

from rich.cells import cell_len

from wcplan.base.controls import visible
from wcplan.base.i18n import N_, _
from wcplan.model.measurement_units import is_count, is_percent
from wcplan.model.plan import Indicator
from wcplan.render import tasktext as t
from wcplan.render import text
from wcplan.render.report import Report, method
from wcplan.rules.status import IndicatorResult, Status

#: Fills like the terminal's colours, in the pale tones spreadsheets use.
STATUS_FILL = {
    Status.MET: "C6EFCE",
    Status.ON_TRACK: "DDEBF7",
    Status.BEHIND: "FFEB9C",
    Status.OFF_TRACK: "FFC7CE",
    Status.NO_DATA: "EDEDED",
    Status.UNKNOWN: "E4DFEC",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADER = [*text.RESULT_COLUMNS, N_("Outlook"), N_("Source")]


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
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    bold = Font(bold=True)
    a = report.assessment
    meta = a.plan.meta

    summary = book.active
    plan = a.plan
    summary.title = _("Summary")
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

    used = set()
    for card in report.units:
        sheet = book.create_sheet(_sheet_name(plan.unit_label(card.unit), used))
        _results_sheet(sheet, card.results, bold)

    lag = book.create_sheet(_sheet_name(_("What lags"), used))
    _results_sheet(lag, report.lagging, bold)
    missing = book.create_sheet(_sheet_name(_("No data"), used))
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
    _finish(missing, bold)
    if report.tasks is not None:
        _tasks_sheets(book, report.tasks, bold, used)
    rules = book.create_sheet(_sheet_name(_("Method"), used))
    for line in method(a.plan):
        _append(rules, [line])
    _fit(rules)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _results_sheet(sheet, results: list[IndicatorResult], bold) -> None:
    from openpyxl.styles import PatternFill

    _append(sheet, text.headers(HEADER))
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
            text.status_text(r.status) + ("*" if r.provisional else ""),
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
    _finish(sheet, bold)


def _tasks_sheets(book, work, bold, used) -> None:
    """Two sheets: the lines of work and the commitments, each with its lead units."""
    names = work.plan
    lines = book.create_sheet(_sheet_name(_("Lines of work"), used))
    _append(lines, [_("Lead units"), *text.headers(t.LINE_COLUMNS), _("Source")])
    for r in work.lines:
        _append(
            lines,
            [
                names.units_label(r.task.lead),
                *t.line_cells(r),
                text.source_name(r.latest and r.latest.source),
            ],
        )
    _finish(lines, bold)
    sheet = book.create_sheet(_sheet_name(_("Commitments"), used))
    _append(sheet, [_("Lead units"), *text.headers(t.COMMITMENT_COLUMNS), _("Wording"), _("Source")])
    for r in work.commitments:
        cells = t.commitment_cells(r)
        _append(
            sheet,
            [
                names.units_label(r.commitment.leads),
                *cells[:5],
                r.value,
                r.gap,
                *cells[7:],
                r.commitment.wording,
                ", ".join(map(text.source_name, r.sources)) or None,
            ],
        )
    _finish(sheet, bold)
    notes = book.create_sheet(_sheet_name(_("Task notes"), used))
    for note in [t.legend(), *t.notes(work)]:
        _append(notes, [note])
    _fit(notes)


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


def _finish(sheet, bold) -> None:
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    _fit(sheet)


def _fit(sheet) -> None:
    """Widths from the text's display width: a Chinese character takes two columns."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                widths[cell.column] = max(widths.get(cell.column, 0), cell_len(str(cell.value)))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 80)


def _sheet_name(unit: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in visible(unit))[:31] or _("Unit")
    name, n = base, 2
    while name in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name
