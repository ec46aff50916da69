"""The tasks (tasks.yaml): the plan's main tasks, their lines of work, and the quantified
commitments of the plan's text, as a schema, resolved against the plan. Loading the file is
wcplan.model.tasksfile.

A commitment is judged by the same rules as an indicator (docs/methodology.md), so it offers
the same attributes the rules read: `targets`, `baseline`, `attribute`, `measure`, `direction`.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cached_property
from typing import Literal

from wcplan.base.i18n import pick
from wcplan.model.plan import Attribute, Comparison, Measure, Plan
from wcplan.model.strict import (
    REQUIRED,
    Record,
    boolean,
    integer,
    list_of,
    number,
    one_of,
    optional,
    record,
    text,
)


@record
class Milestone(Record):
    """A dated goal of the text that carries no number (建成…, 初步构建…)."""

    wording: str
    deadline: int


@record
class Line(Record):
    """One line of work (主要内容) of a task, as Attachment 2 gives it."""

    id: str
    content: str
    content_en: str | None
    #: The heading the plan's text gives this line, where it differs from Attachment 2's words.
    text_title: str | None
    #: Firms Attachment 2 names for this line (task 5).
    firms: list[str]
    milestones: list[Milestone]

    @property
    def label(self) -> str:
        """The line of work in the current language."""
        return pick(self.content, self.content_en)


@record
class Task(Record):
    id: int
    title: str
    title_en: str | None
    lead: list[str]
    responsible: list[str]
    lines: list[Line]

    @property
    def label(self) -> str:
        return pick(self.title, self.title_en)

    def units(self) -> list[str]:
        return list(dict.fromkeys([*self.lead, *self.responsible]))


class MeasuredAs(StrEnum):
    LEVEL = "level"  # the indicators' value, summed
    INCREASE = "increase"  # the indicators' rise over their baselines, summed


@record
class MeasuredBy(Record):
    indicators: list[int]
    as_: MeasuredAs


@record
class CommitmentEntry(Record):
    """A commitment as the file writes it."""

    id: str
    task: int | None
    line: str | None
    wording: str
    name: str
    name_en: str | None
    unit: str
    target: int | float
    #: The year it is due; null where the text states none (judged in the plan's last year).
    deadline: int | None
    #: Due every plan year (每年).
    yearly: bool
    #: The text only strives for it (力争, 积极争取).
    strive: bool
    measured_by: MeasuredBy | None
    # For commitments not measured by indicators (else derived from them):
    baseline: int | float | None
    attribute: Attribute | None
    measure: Measure | None
    direction: Literal["increase", "decrease"] | None
    lead: str | None
    #: Indicators that measure something close but not the same (informational).
    related: list[int]


@record
class TasksFile(Record):
    tasks: list[Task]
    commitments: list[CommitmentEntry]


# How each record is read from the file (wcplan.model.strict); the schema that gives the messages
# for anything else is wcplan.model.schema, field for field.
Milestone.FIELDS = {
    "wording": ("wording", text, REQUIRED),
    "deadline": ("deadline", integer, REQUIRED),
}
Line.FIELDS = {
    "id": ("id", text, REQUIRED),
    "content": ("content", text, REQUIRED),
    "content_en": ("content_en", optional(text), None),
    "text_title": ("text_title", optional(text), None),
    "firms": ("firms", list_of(text), list),
    "milestones": ("milestones", list_of(Milestone.build), list),
}
Task.FIELDS = {
    "id": ("id", integer, REQUIRED),
    "title": ("title", text, REQUIRED),
    "title_en": ("title_en", optional(text), None),
    "lead": ("lead", list_of(text, min_length=1), REQUIRED),
    "responsible": ("responsible", list_of(text, min_length=1), REQUIRED),
    "lines": ("lines", list_of(Line.build, min_length=1), REQUIRED),
}
MeasuredBy.FIELDS = {
    "indicators": ("indicators", list_of(integer, min_length=1), REQUIRED),
    "as": ("as_", one_of(MeasuredAs), REQUIRED),
}
CommitmentEntry.FIELDS = {
    "id": ("id", text, REQUIRED),
    "task": ("task", optional(integer), REQUIRED),
    "line": ("line", optional(text), None),
    "wording": ("wording", text, REQUIRED),
    "name": ("name", text, REQUIRED),
    "name_en": ("name_en", optional(text), None),
    "unit": ("unit", text, REQUIRED),
    "target": ("target", number, REQUIRED),
    "deadline": ("deadline", optional(integer), None),
    "yearly": ("yearly", boolean, False),
    "strive": ("strive", boolean, False),
    "measured_by": ("measured_by", optional(MeasuredBy.build), None),
    "baseline": ("baseline", optional(number), None),
    "attribute": ("attribute", optional(one_of(Attribute)), None),
    "measure": ("measure", optional(one_of(Measure)), None),
    "direction": ("direction", optional(one_of(("increase", "decrease"))), None),
    "lead": ("lead", optional(text), None),
    "related": ("related", list_of(integer), list),
}
TasksFile.FIELDS = {
    "tasks": ("tasks", list_of(Task.build, min_length=1), REQUIRED),
    "commitments": ("commitments", list_of(CommitmentEntry.build), list),
}


#: The wording of a commitment met only above its number: 超过400家.
_MORE_THAN = re.compile(r"超过\s*[0-9０-９]")


class Commitment:
    """A commitment resolved against the plan: what the rules judge.

    It quacks like an Indicator where the rules need it to: targets, baseline, attribute,
    measure, direction, unit.
    """

    def __init__(self, entry: CommitmentEntry, plan: Plan, task: Task | None):
        self.entry = entry
        self.task = task
        self.id = entry.id
        self.name = entry.name
        self.name_en = entry.name_en
        self.unit = entry.unit
        self.wording = entry.wording
        #: 超过 N (more than N) is met only above N; N以上, 达到 N and 力争 N at N or above.
        self.comparison = Comparison.MORE_THAN if _MORE_THAN.search(entry.wording) else Comparison.AT_LEAST
        self.target = entry.target
        self.strive = entry.strive
        self.yearly = entry.yearly
        self.line = entry.line
        self.related = list(entry.related)
        last = plan.years[-1]
        #: The year it is judged against its target (None: every year).
        self.due = None if entry.yearly else (entry.deadline or last)
        self.deadline_stated = entry.yearly or entry.deadline is not None
        self.targets = dict.fromkeys(plan.years, entry.target) if entry.yearly else {self.due: entry.target}
        by = entry.measured_by
        if by is None:
            self.indicators: list[int] = []
            self.measured_as = None
            self.baseline = entry.baseline
            self.attribute = entry.attribute
            self.measure = entry.measure
            self.direction = entry.direction
            #: Lead units the plan names for it (empty: none named).
            self.named_leads = [entry.lead] if entry.lead else []
        else:
            inds = [plan.indicator(i) for i in by.indicators]
            self.indicators = list(by.indicators)
            self.measured_as = by.as_
            if by.as_ is MeasuredAs.INCREASE:
                self.baseline = 0
                self.attribute, self.measure = Attribute.CUMULATIVE, Measure.STOCK
            else:
                baselines = [i.baseline for i in inds]
                self.baseline = None if None in baselines else sum(baselines)
                self.attribute, self.measure = inds[0].attribute, inds[0].measure
            self.direction = inds[0].direction
            self.named_leads = list(dict.fromkeys(i.lead for i in inds))
        self._responsible = (
            list(dict.fromkeys(u for i in by.indicators for u in plan.indicator(i).responsible)) if by else []
        )

    @property
    def leads(self) -> list[str]:
        """The units it is shown under: the leads the plan names, else its task's leads."""
        if self.named_leads:
            return self.named_leads
        return list(self.task.lead) if self.task else []

    @property
    def lead_named(self) -> bool:
        return bool(self.named_leads)

    def units(self) -> list[str]:
        """Every unit involved: leads, then responsible units (of its indicators or its task)."""
        others = self._responsible or (self.task.responsible if self.task else [])
        return list(dict.fromkeys([*self.leads, *others]))

    @property
    def label(self) -> str:
        """The commitment's short name in the current language."""
        return pick(self.name, self.name_en)

    def __repr__(self) -> str:
        return f"Commitment({self.id!r})"


class Tasks:
    """The loaded tasks file, resolved against the plan."""

    def __init__(self, data: TasksFile, plan: Plan):
        self.tasks = list(data.tasks)
        by_task = {t.id: t for t in self.tasks}
        self.commitments = [Commitment(c, plan, by_task.get(c.task)) for c in data.commitments]

    @cached_property
    def lines(self) -> dict[str, tuple[Task, Line]]:
        return {line.id: (task, line) for task in self.tasks for line in task.lines}

    @cached_property
    def by_id(self) -> dict[str, Commitment]:
        return {c.id.casefold(): c for c in self.commitments}

    def commitment(self, ident: str) -> Commitment | None:
        return self.by_id.get(ident.strip().casefold())

    def task(self, ident: int) -> Task | None:
        return next((t for t in self.tasks if t.id == ident), None)

    def lead_units(self) -> list[str]:
        """Units leading a task or a commitment, in order of first appearance."""
        units = [u for t in self.tasks for u in t.lead] + [u for c in self.commitments for u in c.leads]
        return list(dict.fromkeys(units))

    def all_units(self) -> list[str]:
        units = [u for t in self.tasks for u in t.units()] + [u for c in self.commitments for u in c.units()]
        return list(dict.fromkeys(units))
