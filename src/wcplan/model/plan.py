"""The plan (targets.yaml): its indicators, with their targets, attributes and units, as a schema.

Loading the file, with one sentence per problem, is wcplan.model.planfile. Nothing here is
specific to Wangcheng: any plan with this schema works.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from enum import StrEnum
from functools import cached_property
from typing import Any, Literal

from wcplan.base.i18n import _, pick
from wcplan.model.strict import (
    REQUIRED,
    Doubt,
    Record,
    date,
    dict_of,
    integer,
    list_of,
    number,
    one_of,
    optional,
    record,
    text,
)


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


@record
class Thresholds(Record):
    on_track: int | float = 0.95
    behind: int | float = 0.6


Thresholds.FIELDS = {
    "on_track": ("on_track", number, 0.95),
    "behind": ("behind", number, 0.6),
}


@record
class PlanMeta(Record):
    title: str
    short_title: str | None
    # English names: shown when the interface is English; the Chinese ones are the source of truth.
    title_en: str | None
    short_title_en: str | None
    document_number: str
    issued_by: str | None
    issued_by_en: str | None
    issued_on: dt.date | None
    base_year: int
    years: list[int]
    thresholds: Thresholds = field(default_factory=Thresholds)
    tolerance: int | float = 1e-9

    @property
    def title_label(self) -> str:
        return pick(self.title, self.title_en)

    @property
    def short_label(self) -> str:
        """The short title in the current language (the full title where there is no short one)."""
        if self.short_title_en or self.short_title:
            return pick(self.short_title or self.title, self.short_title_en or self.title_en)
        return self.title_label


@record
class Indicator(Record):
    id: int
    category: str
    name: str
    name_en: str | None
    unit: str
    # Required, but may be null: a missing baseline stays missing, never 0.
    baseline: int | float | None
    targets: dict[int, int | float]
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


@record
class UnitNames(Record):
    """A unit's other names: in English, and short forms for narrow places (a sheet's tab)."""

    en: str | None = None
    short: str | None = None
    short_en: str | None = None


def _unit_entry(value: Any) -> UnitNames:
    """A unit is declared with its English name (null: none), or with a mapping of its names."""
    if value is None or isinstance(value, str):
        return UnitNames(en=text(value) if value is not None else None)
    if type(value) is not dict:
        raise Doubt
    return UnitNames.build(value)


@record
class Plan(Record):
    plan: PlanMeta
    #: English names of the categories.
    categories_en: dict[str, str]
    #: The units (牵头单位, 责任单位) of the plan and its tasks file, each declared once under
    #: `units`, with its English name (null: none), or with a mapping {en, short, short_en}.
    #: Every lead and responsible unit must be one of them.
    unit_names: dict[str, UnitNames]
    indicators: list[Indicator]

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
        # isdecimal, what int() reads: isdigit() is also true of digits NFKC keeps, such as 𐩀
        if wanted.isdecimal():
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


# How each record is read from the file (wcplan.model.strict); the schema that gives the messages
# for anything else is wcplan.model.schema, field for field.
PlanMeta.FIELDS = {
    "title": ("title", text, REQUIRED),
    "short_title": ("short_title", optional(text), None),
    "title_en": ("title_en", optional(text), None),
    "short_title_en": ("short_title_en", optional(text), None),
    "document_number": ("document_number", text, REQUIRED),
    "issued_by": ("issued_by", optional(text), None),
    "issued_by_en": ("issued_by_en", optional(text), None),
    "issued_on": ("issued_on", optional(date), None),
    "base_year": ("base_year", integer, REQUIRED),
    "years": ("years", list_of(integer, min_length=1), REQUIRED),
    "thresholds": ("thresholds", Thresholds.build, Thresholds),
    "tolerance": ("tolerance", number, 1e-9),
}
Indicator.FIELDS = {
    "id": ("id", integer, REQUIRED),
    "category": ("category", text, REQUIRED),
    "name": ("name", text, REQUIRED),
    "name_en": ("name_en", optional(text), None),
    "unit": ("unit", text, REQUIRED),
    "baseline": ("baseline", optional(number), REQUIRED),
    "targets": ("targets", dict_of(integer, number), REQUIRED),
    "attribute": ("attribute", one_of(Attribute), REQUIRED),
    "measure": ("measure", one_of(Measure), REQUIRED),
    "direction": ("direction", one_of(("increase", "decrease")), REQUIRED),
    "lead": ("lead", text, REQUIRED),
    "responsible": ("responsible", list_of(text), REQUIRED),
}
UnitNames.FIELDS = {
    "en": ("en", optional(text), None),
    "short": ("short", optional(text), None),
    "short_en": ("short_en", optional(text), None),
}
Plan.FIELDS = {
    "plan": ("plan", PlanMeta.build, REQUIRED),
    "categories_en": ("categories_en", dict_of(text, text), dict),
    "units": ("unit_names", dict_of(text, _unit_entry, min_length=1), REQUIRED),
    "indicators": ("indicators", list_of(Indicator.build, min_length=1), REQUIRED),
}
