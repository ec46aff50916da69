"""The schema of the plan and tasks files, in pydantic: what decides a file that is not plainly
valid (wcplan.model.strict), and whose validation errors are the file's messages
(wcplan.model.planfile.describe_validation). Field for field the records of wcplan.model.plan and
wcplan.model.tasks, which are what wcplan works with; imported only when a file needs it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from wcplan.model.plan import Attribute, Measure
from wcplan.model.strict import Invalid, Record, finite
from wcplan.model.tasks import MeasuredAs


def validate(kind: type[Record], data):
    """The record of `data` as validated by its schema (the class of the same name here); Invalid,
    with pydantic's ValidationError, whose errors are the file's messages, when the data is invalid."""
    try:
        validated = globals()[kind.__name__].model_validate(data)
    except ValidationError as exc:
        raise Invalid(exc) from None
    return kind.build(validated.model_dump(by_alias=True))


def _finite_not_negative(value: int | float) -> int | float:
    if not finite(value):
        raise PydanticCustomError("finite_number", "Input should be a finite number")
    if value < 0:
        raise PydanticCustomError("negative_number", "Input should be zero or more")
    return value


#: Every number of the plan and its tasks file is a count, an amount, a share, a rank or a
#: ratio: finite (no .nan, no .inf) and never negative.
Number = Annotated[StrictInt | StrictFloat, AfterValidator(_finite_not_negative)]


class StrictModel(BaseModel):
    """A part of a plan or tasks file: no unknown field, immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ── the plan file ─────────────────────────────────────────────────────────────


class Thresholds(StrictModel):
    on_track: Number = 0.95
    behind: Number = 0.6


class PlanMeta(StrictModel):
    title: str
    short_title: str | None = None
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


class Indicator(StrictModel):
    id: StrictInt
    category: str
    name: str
    name_en: str | None = None
    unit: str
    baseline: Number | None
    targets: dict[StrictInt, Number]
    attribute: Attribute
    measure: Measure
    direction: Literal["increase", "decrease"]
    lead: str
    responsible: list[str]


class UnitNames(StrictModel):
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
    categories_en: dict[str, str] = {}
    unit_names: dict[str, Annotated[UnitNames, BeforeValidator(_unit_entry)]] = Field(
        min_length=1, alias="units"
    )
    indicators: list[Indicator] = Field(min_length=1)


# ── the tasks file ────────────────────────────────────────────────────────────


class Milestone(StrictModel):
    wording: str
    deadline: StrictInt


class Line(StrictModel):
    id: str
    content: str
    content_en: str | None = None
    text_title: str | None = None
    firms: list[str] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)


class Task(StrictModel):
    id: StrictInt
    title: str
    title_en: str | None = None
    lead: list[str] = Field(min_length=1)
    responsible: list[str] = Field(min_length=1)
    lines: list[Line] = Field(min_length=1)


class MeasuredBy(StrictModel):
    indicators: list[StrictInt] = Field(min_length=1)
    as_: MeasuredAs = Field(alias="as")


class CommitmentEntry(StrictModel):
    id: str
    task: StrictInt | None
    line: str | None = None
    wording: str
    name: str
    name_en: str | None = None
    unit: str
    target: Number
    deadline: StrictInt | None = None
    yearly: StrictBool = False
    strive: StrictBool = False
    measured_by: MeasuredBy | None = None
    baseline: Number | None = None
    attribute: Attribute | None = None
    measure: Measure | None = None
    direction: Literal["increase", "decrease"] | None = None
    lead: str | None = None
    related: list[StrictInt] = Field(default_factory=list)


class TasksFile(StrictModel):
    tasks: list[Task] = Field(min_length=1)
    commitments: list[CommitmentEntry] = Field(default_factory=list)
