"""The header row: which column is which, from English or Chinese names, for files of actuals and
files of task progress; and which of the two a file is.
"""

from __future__ import annotations

from wcplan.base.findings import Severity
from wcplan.base.i18n import N_, _, ngettext
from wcplan.base.suggest import closest
from wcplan.reading.table import Reporter

#: Column names wcplan reads, with the headers (English or Chinese) that mean each.
#: 单位 is the measurement unit (亿元, 家, %); 填报单位 is the unit that submits the file.
COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "id", "序号", "指标编号", "指标序号"),
    "name": ("name", "indicator name", "指标", "主要指标", "指标名称"),
    "year": ("year", "年份", "年度"),
    "period": ("period", "期间", "时期"),
    "value": ("value", "数值", "实际值", "完成值"),
    "unit": ("unit", "单位", "计量单位"),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "备注", "说明"),
    "reporter": ("reporter", "填报单位"),
    # The reference columns of wcplan's fill-in sheets (wcplan.model.template): known, and never read.
    "target": ("target", "目标值"),
    "baseline": ("baseline", "基期值"),
    "role": ("role", "责任类型"),
}
HEADER = {alias.casefold(): column for column, aliases in COLUMNS.items() for alias in aliases}

#: Column names of a progress file, with the headers (English or Chinese) that mean each.
PROGRESS_COLUMNS: dict[str, tuple[str, ...]] = {
    "item": ("item", "事项", "事项编号"),
    "year": ("year", "年份", "年度"),
    "value": ("value", "数值", "实际值", "完成值"),
    "unit": ("unit", "单位", "计量单位"),
    "status": ("status", "状态", "进展状态"),
    "date": ("date", "日期", "进展日期"),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "备注", "说明", "进展情况"),
    "reporter": ("reporter", "填报单位"),
}
PROGRESS_HEADER = {
    alias.casefold(): column for column, aliases in PROGRESS_COLUMNS.items() for alias in aliases
}


def is_progress_header(header: list[str]) -> bool:
    """A header with an `item` column and no indicator column: a task-progress file."""
    names = {HEADER.get(cell.strip().casefold()) for cell in header}
    items = any(PROGRESS_HEADER.get(cell.strip().casefold()) == "item" for cell in header)
    return items and not names & {"indicator", "name"}


def recognised(text: str) -> bool:
    """Whether the first line of `text` is a header wcplan reads (it names a value or a status)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    cells = [c.strip().strip('"').casefold() for c in first.split(",")]
    known = {HEADER.get(c) for c in cells} | {PROGRESS_HEADER.get(c) for c in cells}
    return bool(known & {"value", "status"})


def map_header(
    header: list[str], line: int, report: Reporter, aliases: dict[str, str], kind: str = ""
) -> dict[str, int] | None:
    """Column name -> position, from the header's English or Chinese names (`aliases`); an
    unknown name is a warning, the same column twice an error (None)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = cell.strip()
        column = aliases.get(label.casefold())
        if column is None:
            if label:
                near = closest(label, aliases, n=1, cutoff=0.75)
                sentence = (
                    _(
                        "the column '{label}' is not one wcplan reads{kind}; it is ignored. Did you mean "
                        "'{name}'?"
                    )
                    if near
                    else _("the column '{label}' is not one wcplan reads{kind}; it is ignored.")
                )
                report(
                    "unknown-column",
                    sentence.format(label=label, kind=kind, name=near[0] if near else ""),
                    line,
                    index + 1,
                    Severity.WARNING,
                )
            continue
        if column in columns:
            report(
                "duplicate-column",
                _("the column '{label}' means {column}, like column {value}; keep one of them.").format(
                    label=label, column=column, value=columns[column] + 1
                ),
                line,
                index + 1,
            )
            return None
        columns[column] = index
    return columns


def actuals_columns(header: list[str], line: int, report: Reporter) -> dict[str, int] | None:
    columns = map_header(header, line, report, HEADER)
    if columns is None:
        return None
    missing = []
    if "indicator" not in columns and "name" not in columns:
        missing.append(_("indicator (or name)"))
    if "year" not in columns and "period" not in columns:
        missing.append(_("year (or period)"))
    if "value" not in columns:
        missing.append("value")
    if missing:
        found = ", ".join(f"'{c.strip()}'" for c in header if c.strip()) or _("nothing")
        separator = next(
            (name for sep, name in ((";", N_("semicolons")), ("\t", N_("tabs"))) if sep in "".join(header)),
            None,
        )
        if separator:
            found += _("; the file seems separated by {separator}: save it as CSV with commas").format(
                separator=_(separator)
            )
        sentence = ngettext(
            "the header lacks the required column {columns} (found {found}).",
            "the header lacks the required columns {columns} (found {found}).",
            len(missing),
        )
        report("missing-column", sentence.format(columns=_(", ").join(missing), found=found), line)
        return None
    if "source" not in columns:
        report(
            "source-missing",
            _("the header has no 'source' column: say where each value comes from."),
            line,
            severity=Severity.WARNING,
        )
    return columns
