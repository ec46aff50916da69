"""Reading task progress: the numbers submitted for commitments, and the status of lines of work.

A progress file is a CSV or Excel file like an actuals file, told apart by its `item` column
(事项): a commitment id (C02) or a line of work (1.2). The same rules hold as for actuals:
every row lands in the table or makes a finding with file, line and column; two different
values for the same item and year (or the same line and date) are never chosen between.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from wcplan.base.findings import Finding, Severity
from wcplan.base.i18n import N_, _, ngettext
from wcplan.model.plan import Plan
from wcplan.model.records import ILLUSTRATIVE, Progress, WorkStatus
from wcplan.reading.headers import PROGRESS_HEADER, map_header
from wcplan.reading.merging import ProgressMerger
from wcplan.reading.rowcheck import report_controls
from wcplan.reading.table import Reporter, Rows, data_rows
from wcplan.reading.values import check_value, parse_int

if TYPE_CHECKING:
    from wcplan.model.tasks import Tasks  # an annotation: `wcplan status` need not build the tasks schema

#: The words a file may use for each status (the issue's Chinese words, and wcplan's own).
STATUS_WORDS = {
    "未启动": WorkStatus.NOT_STARTED,
    "推进中": WorkStatus.IN_PROGRESS,
    "已完成": WorkStatus.DONE,
    "滞后": WorkStatus.LAGGING,
    **{s.value: s for s in WorkStatus},
    "not started": WorkStatus.NOT_STARTED,
    "in progress": WorkStatus.IN_PROGRESS,
}
_STATUS_HELP = N_("未启动, 推进中, 已完成 or 滞后 (not_started, in_progress, done, lagging)")


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00)?)?$")


def parse_date(text: str) -> dt.date | None:
    """2022-06-30, 2022/6/30, 2022.6.30, 2022年6月30日 (and Excel's '2022-06-30 00:00:00')."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


class ProgressReader:
    """Reads the data rows of progress files into records and findings (one per problem)."""

    def __init__(self, plan: Plan, tasks: Tasks, findings: list[Finding]):
        self.plan = plan
        self.tasks = tasks
        self.findings = findings
        self.merger = ProgressMerger()
        self.years_help = ", ".join(map(str, plan.years))

    def read(self, rows: Rows, header: list[str], header_line: int, report: Reporter) -> None:
        columns = map_header(header, header_line, report, PROGRESS_HEADER, _(" in a progress file"))
        if columns is None:
            return
        if "year" not in columns and "date" not in columns:
            report("missing-column", _("the header lacks the required column year (or date)."), header_line)
            return
        if "value" not in columns and "status" not in columns:
            report(
                "missing-column", _("the header lacks the required column value (or status)."), header_line
            )
            return
        if "source" not in columns:
            report(
                "source-missing",
                _("the header has no 'source' column: say where each value comes from."),
                header_line,
                severity=Severity.WARNING,
            )
        for line, row in data_rows(rows, header, header_line, report, columns):
            cell = {name: row[i].strip() for name, i in columns.items()}
            report_controls(row, columns.values(), line, report)
            record = self._row(cell, columns, line, report)
            if record is None:
                continue
            source = cell.get("source", "")
            record = record._replace(
                source=source or None,
                illustrative=source.casefold() == ILLUSTRATIVE,
                note=cell.get("note") or None,
                file=report.name,
                line=line,
                reporter=cell.get("reporter") or None,
            )
            self.merger.add(record, report)

    def _row(
        self, cell: dict[str, str], columns: dict[str, int], line: int, report: Reporter
    ) -> Progress | None:
        def col(name: str) -> int | None:
            return columns[name] + 1 if name in columns else None

        ok = True
        item_text = cell.get("item", "")
        commitment = line_entry = None
        if not item_text:
            report(
                "item-missing",
                _("the item is empty; give a commitment (C02) or a line of work (1.2)."),
                line,
                col("item"),
            )
            return None
        commitment = self.tasks.commitment(item_text)
        if commitment is None:
            line_entry = self.tasks.lines.get(item_text)
        if commitment is None and line_entry is None:
            report(
                "unknown-item",
                _(
                    "'{item_text}' is neither a commitment (C01–C{value:02d}, G1…) nor a line of work "
                    "(1.1–5.5) of the tasks file."
                ).format(item_text=item_text, value=len(self.tasks.commitments)),
                line,
                col("item"),
            )
            return None
        if commitment is not None and commitment.indicators:
            joined = ", ".join(map(str, commitment.indicators))
            report(
                "measured-by-indicator",
                ngettext(
                    "commitment {id} is measured by indicator {ids}: report indicator {ids} in an actuals "
                    "file, not the commitment.",
                    "commitment {id} is measured by indicators {ids}: report indicators {ids} in an actuals "
                    "file, not the commitment.",
                    len(commitment.indicators),
                ).format(id=commitment.id, ids=joined),
                line,
                col("item"),
            )
            return None

        date = None
        date_text = cell.get("date", "")
        if date_text:
            date = parse_date(date_text)
            if date is None:
                report(
                    "date-invalid",
                    _("'{date_text}' is not a date; write it as 2022-06-30.").format(date_text=date_text),
                    line,
                    col("date"),
                )
                ok = False
        year = None
        year_text = cell.get("year", "")
        if year_text:
            year = parse_int(year_text.removesuffix("年"))
            if year is None:
                report(
                    "year-invalid",
                    _("'{year_text}' is not a year; give {years_help}.").format(
                        year_text=year_text, years_help=self.years_help
                    ),
                    line,
                    col("year"),
                )
                return None
        elif date is not None:
            year = date.year
        elif ok:
            column = "year" if "year" in columns else "date"
            sentence = (
                _("the year is empty; give {years}.")
                if column == "year"
                else _("the date is empty; give {years}.")
            )
            report(f"{column}-missing", sentence.format(years=self.years_help), line, col(column))
            return None
        if year is not None and year not in self.plan.years:
            column = "year" if year_text else "date"
            report(
                f"{column}-outside-plan",
                _("{year} is outside the plan; progress is reported for {years_help}.").format(
                    year=year, years_help=self.years_help
                ),
                line,
                col(column),
            )
            return None
        if date is not None and year is not None and date.year != year:
            report(
                "year-date-mismatch",
                _("the date {value} is not in the year {year} given beside it.").format(
                    value=date.isoformat(), year=year
                ),
                line,
                col("date"),
            )
            return None
        if not ok:
            return None

        status_text, value_text = cell.get("status", ""), cell.get("value", "")
        if commitment is not None:
            if status_text:
                report(
                    "status-for-commitment",
                    _("commitment {id} takes a number in 'value', not a status.").format(id=commitment.id),
                    line,
                    col("status"),
                )
                return None
            value, problem, _conversion = check_value(
                value_text,
                commitment.unit,
                cell.get("unit", ""),
                _("commitment {id}").format(id=commitment.id),
            )
            if problem:
                code, column, sentence = problem
                report(code, sentence, line, col(column))
                return None
            reporter = cell.get("reporter", "")
            if reporter and reporter not in commitment.units():
                report(
                    "reporter-not-responsible",
                    _(
                        "{reporter} is not among the units of commitment {id} ({value}); a unit may "
                        "only report "
                        "its own commitments."
                    ).format(reporter=reporter, id=commitment.id, value=", ".join(commitment.units())),
                    line,
                    col("reporter"),
                )
                return None
            return Progress(item=commitment.id, year=year, value=value, date=date)

        task, work = line_entry
        if value_text:
            report(
                "value-for-line",
                _("line of work {id} takes a status, not a number; numbers belong to commitments.").format(
                    id=work.id
                ),
                line,
                col("value"),
            )
            return None
        if not status_text:
            report(
                "status-missing",
                _("the status is empty; give {statuses}.").format(statuses=_(_STATUS_HELP)),
                line,
                col("status") or col("item"),
            )
            return None
        status = STATUS_WORDS.get(status_text.casefold())
        if status is None:
            report(
                "status-invalid",
                _("'{status_text}' is not a status; give {statuses}.").format(
                    status_text=status_text, statuses=_(_STATUS_HELP)
                ),
                line,
                col("status"),
            )
            return None
        if date is None:
            report(
                "date-missing",
                _("line of work {id} needs the date of its status (2022-06-30).").format(id=work.id),
                line,
                col("date") or col("item"),
            )
            return None
        if not cell.get("note"):
            report(
                "note-missing",
                _("the note is empty: say in a few words where line of work {id} stands.").format(id=work.id),
                line,
                col("note") or col("item"),
                Severity.WARNING,
            )
        reporter = cell.get("reporter", "")
        if reporter and reporter not in task.units():
            report(
                "reporter-not-responsible",
                _(
                    "{reporter} is neither a lead nor a responsible unit of task {id} ({value}); a unit may "
                    "only report its own lines of work."
                ).format(reporter=reporter, id=task.id, value=", ".join(task.units())),
                line,
                col("reporter"),
            )
            return None
        return Progress(item=work.id, year=year, status=status, date=date)

    def merged(self) -> list[Progress]:
        return self.merger.merged()
