"""The plan (targets.yaml): its indicators, with their targets, attributes and units, as a schema.

Loading the file, with one sentence per problem, is wcplan.model.planfile. Nothing here is
specific to Wangcheng: any plan with this schema works.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
)
from pydantic_core import PydanticCustomError

from wcplan.base.i18n import _, pick


def _finite_not_negative(value: int | float) -> int | float:
    if not math.isfinite(value):
        raise PydanticCustomError("finite_number", "Input should be a finite number")
    if value < 0:
        raise PydanticCustomError("negative_number", "Input should be zero or more")
    return value


#: Every number of the plan and its tasks file is a count, an amount, a share, a rank or a
#: ratio: finite (no .nan, no .inf) and never negative.
Number = Annotated[StrictInt | StrictFloat, AfterValidator(_finite_not_negative)]


class Attribute(StrEnum):
    CUMULATIVE = "cumulative"  # 累计值
    ANNUAL = "annual"  # 当年值
    RATIO = "ratio"  # 占比值


class Measure(StrEnum):
    FLOW = "flow"
    STOCK = "stock"
    SHARE = "share"


class Comparison(StrEnum):
    """How a target is met: at least N (N以上, 达到 N, 力争 N), or more than N (超过 N).

    For a "decrease" indicator each is mirrored: at most N, or less than N. (The comparison itself,
    with the plan's tolerance, is wcplan.rules.compare.)"""

    AT_LEAST = "at_least"
    MORE_THAN = "more_than"

    def symbol(self, direction: str = "increase", ascii: bool = True) -> str:
        """'>=' / '>' for an increase; '<=' / '<' for a decrease (`ascii=False`: '≥', '≤')."""
        if direction == "increase":
            return (">=" if ascii else "≥") if self is Comparison.AT_LEAST else ">"
        return ("<=" if ascii else "≤") if self is Comparison.AT_LEAST else "<"


#: Which measures each attribute admits (docs/methodology.md, "Attribute and measure").
ALLOWED_MEASURES = {
    Attribute.CUMULATIVE: {Measure.FLOW, Measure.STOCK},
    Attribute.ANNUAL: {Measure.FLOW},
    Attribute.RATIO: {Measure.SHARE},
}


class StrictModel(BaseModel):
    """A part of a plan or tasks file: no unknown field, immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Thresholds(StrictModel):
    on_track: Number = 0.95
    behind: Number = 0.6


class PlanMeta(StrictModel):
    title: str
    short_title: str | None = None
    # English names: shown when the interface is English; the Chinese ones are the source of truth.
    title_en: str | None = None
    short_title_en: str | None = None
    document_number: str
    issued_by: str | None = None
    issued_by_en: str | None = None
    issued_on: dt.date | None = None
    base_year: StrictInt
    years: list[StrictInt] = Field(min_length=1)
    thresholds: Thresholds = Thresholds()
    tolerance: Number = 1e-9

    @property
    def title_label(self) -> str:
        return pick(self.title, self.title_en)

    @property
    def short_label(self) -> str:
        """The short title in the current language (the full title where there is no short one)."""
        if self.short_title_en or self.short_title:
            return pick(self.short_title or self.title, self.short_title_en or self.title_en)
        return self.title_label


class Indicator(StrictModel):
    id: StrictInt
    category: str
    name: str
    name_en: str | None = None
    unit: str
    # Required, but may be null: a missing baseline stays missing, never 0.
    baseline: Number | None
    targets: dict[StrictInt, Number]
    attribute: Attribute
    measure: Measure
    direction: Literal["increase", "decrease"]
    lead: str
    responsible: list[str]

    def units(self) -> list[str]:
        """The lead unit and the responsible units, lead first."""
        return [self.lead, *[u for u in self.responsible if u != self.lead]]

    @property
    def comparison(self) -> Comparison:
        """An indicator's target is met at it or beyond it (commitments may differ: 超过 N)."""
        return Comparison.AT_LEAST

    @property
    def label(self) -> str:
        """The indicator's name in the current language."""
        return pick(self.name, self.name_en)


class UnitNames(StrictModel):
    """A unit's other names: in English, and short forms for narrow places (a sheet's tab)."""

    en: str | None = None
    short: str | None = None
    short_en: str | None = None


def _unit_entry(value: Any) -> Any:
    """A unit is declared with its English name (null: none), or with a mapping of its names."""
    if value is None or isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict):
        raise PydanticCustomError("unit_names", "Input should be text or a mapping")
    return value


class Plan(StrictModel):
    plan: PlanMeta
    #: English names of the categories.
    categories_en: dict[str, str] = {}
    #: The units (牵头单位, 责任单位) of the plan and its tasks file, each declared once under
    #: `units`, with its English name (null: none), or with a mapping {en, short, short_en}.
    #: Every lead and responsible unit must be one of them.
    unit_names: dict[str, Annotated[UnitNames, BeforeValidator(_unit_entry)]] = Field(
        min_length=1, alias="units"
    )
    indicators: list[Indicator] = Field(min_length=1)

    @property
    def units(self) -> dict[str, str | None]:
        """The declared units, each with its English name (None: none)."""
        return {unit: names.en for unit, names in self.unit_names.items()}

    def unit_label(self, unit: str) -> str:
        """A unit's name in the current language."""
        names = self.unit_names.get(unit)
        return pick(unit, names.en if names else None)

    def unit_short_label(self, unit: str) -> str:
        """A unit's short name in the current language, where the plan gives one, else its name."""
        names = self.unit_names.get(unit) or UnitNames()
        return pick(names.short or unit, names.short_en or names.en)

    def units_label(self, units) -> str:
        return _(", ").join(self.unit_label(u) for u in units)

    def category_label(self, category: str) -> str:
        return pick(category, self.categories_en.get(category))

    @property
    def meta(self) -> PlanMeta:
        return self.plan

    @property
    def years(self) -> list[int]:
        return list(self.plan.years)

    def indicator(self, indicator_id: int) -> Indicator | None:
        return self._by_id.get(indicator_id)

    @cached_property
    def _by_id(self) -> dict[int, Indicator]:
        return {i.id: i for i in self.indicators}

    def find_indicator(self, text: str) -> tuple[Indicator | None, list[Indicator], bool]:
        """The indicator `text` names: by its id, by its Chinese or English name (in any case,
        without regard to spaces or full-width forms), or as the one indicator whose name contains
        it; then (indicator, [], False). Otherwise (None, candidates, several): the indicators whose
        names contain it when several do (several=True), else those whose names are closest
        (wcplan.base.suggest), none when nothing is close."""
        from wcplan.base import suggest

        wanted = suggest.key(text)
        if wanted.isdigit():
            found = self.indicator(int(wanted)) if len(wanted) <= 18 else None
            return found, [], False
        names = {}
        for i in self.indicators:
            for name in (i.name, i.name_en):
                if name:
                    names.setdefault(name, i)
        exact = [i for name, i in names.items() if suggest.key(name) == wanted]
        if exact:
            return exact[0], [], False
        partial = self._distinct(names[n] for n in suggest.containing(text, names))
        if len(partial) == 1:
            return partial[0], [], False
        if partial:
            return None, partial, True
        near = suggest.closest(text, names, n=5)
        return None, self._distinct(names[n] for n in near), False

    @staticmethod
    def _distinct(indicators) -> list[Indicator]:
        return list({i.id: i for i in indicators}.values())

    def lead_units(self) -> list[str]:
        """Lead units in order of their first indicator."""
        return list(dict.fromkeys(i.lead for i in self.indicators))

    def all_units(self) -> list[str]:
        return list(dict.fromkeys(u for i in self.indicators for u in i.units()))

    def categories(self) -> list[str]:
        return list(dict.fromkeys(i.category for i in self.indicators))
