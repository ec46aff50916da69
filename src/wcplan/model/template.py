"""Fill-in sheets (填报模板): for a unit and a period, the rows the unit reports, as data.

A district office sends each unit a sheet listing its indicators, collects the filled sheets and
validates them. A sheet is a table of actuals that `wcplan validate` reads as it is: its columns
are the reader's (wcplan.reading.headers.COLUMNS) under their Chinese headers, with three reference
columns the reader knows and passes over (目标值, 基期值, 责任类型). The plan's columns are
filled in (id, name, measurement unit, period, the year's target, the baseline, the reporter);
the value, the source and the note are left to the unit. A row left empty is "not filled in
yet" when it comes back, never a value.

The table is in the plan's own words, whatever the interface language: names, measurement units
and units are matched as the plan writes them. Writers are in wcplan.render.template.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wcplan.model.periods import Period
from wcplan.model.plan import Indicator, Plan


class Role(StrEnum):
    """Why an indicator is on a unit's sheet: the unit leads it (牵头单位) or is responsible for it
    (责任单位)."""

    LEAD = "lead"
    RESPONSIBLE = "responsible"


#: The role as the sheet writes it (责任类型): the plan's words.
ROLE_TEXT = {Role.LEAD: "牵头", Role.RESPONSIBLE: "责任"}


@dataclass(frozen=True)
class Column:
    #: The column as the reader names it (wcplan.reading.headers.COLUMNS).
    key: str
    #: The sheet's header: one of the reader's Chinese headers for the column.
    header: str
    #: Whether the unit fills it in (value, source, note); the others are filled in already.
    filled_in: bool = False


COLUMNS = [
    Column("indicator", "序号"),
    Column("name", "指标"),
    Column("role", "责任类型"),
    Column("unit", "单位"),
    Column("period", "期间"),
    Column("baseline", "基期值"),
    Column("target", "目标值"),
    Column("value", "实际值", filled_in=True),
    Column("source", "来源", filled_in=True),
    Column("note", "备注", filled_in=True),
    Column("reporter", "填报单位"),
]
HEADERS = [c.header for c in COLUMNS]


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    role: Role
    target: float | int | None


@dataclass(frozen=True)
class Template:
    """The fill-in sheet of one unit for one period."""

    plan: Plan
    unit: str
    period: Period
    rows: list[Row]

    @property
    def period_text(self) -> str:
        return period_text(self.period)

    def count(self, role: Role) -> int:
        return sum(r.role is role for r in self.rows)

    def cells(self, row: Row) -> list:
        """A row's cells in the order of COLUMNS: figures as numbers, None where the sheet is empty."""
        ind = row.indicator
        by_key = {
            "indicator": ind.id,
            "name": ind.name,
            "role": ROLE_TEXT[row.role],
            "unit": ind.unit,
            "period": self.period_text,
            "baseline": ind.baseline,
            "target": row.target,
            "reporter": self.unit,
        }
        return [by_key.get(c.key) for c in COLUMNS]

    def table(self) -> list[list]:
        """The header and every row."""
        return [HEADERS, *(self.cells(r) for r in self.rows)]


def due(plan: Plan, unit: str, year: int) -> list[tuple[Indicator, Role]]:
    """The indicators with a target for `year` that `unit` leads, then those it is responsible for,
    each group in plan order."""
    indicators = [i for i in plan.indicators if year in i.targets]
    lead = [(i, Role.LEAD) for i in indicators if i.lead == unit]
    responsible = [(i, Role.RESPONSIBLE) for i in indicators if i.lead != unit and unit in i.responsible]
    return lead + responsible


def build(plan: Plan, unit: str, period: Period) -> Template:
    rows = [Row(ind, role, ind.targets.get(period.year)) for ind, role in due(plan, unit, period.year)]
    return Template(plan, unit, period, rows)


_QUARTERS = "一二三四"


def period_text(period: Period) -> str:
    """A period in Chinese, as the reader reads it back: 2022年, 2022年6月, 2022年二季度,
    2022年上半年. Forms a spreadsheet keeps as text (2022-06 in a CSV file opened in Excel would
    become a date)."""
    if period.whole_year:
        return f"{period.year}年"
    tail = period.label.split("-", 1)[1]
    if tail.startswith("Q"):
        return f"{period.year}年{_QUARTERS[int(tail[1:]) - 1]}季度"
    if tail.startswith("H"):
        return f"{period.year}年上半年"  # H2 is the whole year (periods are year to date)
    return f"{period.year}年{int(tail)}月"


_NOT_IN_FILE_NAMES = str.maketrans({ch: "_" for ch in '/\\:*?"<>|'})


def file_name(template: Template, suffix: str) -> str:
    """填报表-2022-H1-区工信局.xlsx: the period and the unit, in characters every system allows."""
    unit = "".join(ch if ch.isprintable() else "_" for ch in template.unit).translate(_NOT_IN_FILE_NAMES)
    return f"填报表-{template.period.label}-{unit.strip(' .') or '_'}{suffix}"
