"""The tasks file (tasks.yaml): the plan's main tasks, their lines of work, and the quantified
commitments of the plan's text. Its schema, and loading it with one sentence per problem.

A commitment is judged by the same rules as an indicator (docs/methodology.md), so it offers
the same attributes the core reads: `targets`, `baseline`, `attribute`, `measure`, `direction`.
"""

from __future__ import annotations

import re
from collections import Counter
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError

from wcplan.compare import Comparison
from wcplan.errors import PlanFileError
from wcplan.findings import Finding
from wcplan.i18n import _, ngettext, pick
from wcplan.plan import (
    ALLOWED_MEASURES,
    Attribute,
    Measure,
    Number,
    Plan,
    _describe_validation,
    _LineFinder,
    undeclared_unit,
)
from wcplan.yamlfile import Refused, load_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Milestone(_Strict):
    """A dated goal of the text that carries no number (建成…, 初步构建…)."""

    wording: str
    deadline: StrictInt


class Line(_Strict):
    """One line of work (主要内容) of a task, as Attachment 2 gives it."""

    id: str
    content: str
    content_en: str | None = None
    #: The heading the plan's text gives this line, where it differs from Attachment 2's words.
    text_title: str | None = None
    #: Firms Attachment 2 names for this line (task 5).
    firms: list[str] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """The line of work in the current language."""
        return pick(self.content, self.content_en)


class Task(_Strict):
    id: StrictInt
    title: str
    title_en: str | None = None
    lead: list[str] = Field(min_length=1)
    responsible: list[str] = Field(min_length=1)
    lines: list[Line] = Field(min_length=1)

    @property
    def label(self) -> str:
        return pick(self.title, self.title_en)

    def units(self) -> list[str]:
        return list(dict.fromkeys([*self.lead, *self.responsible]))


class MeasuredAs(StrEnum):
    LEVEL = "level"  # the indicators' value, summed
    INCREASE = "increase"  # the indicators' rise over their baselines, summed


class MeasuredBy(_Strict):
    indicators: list[StrictInt] = Field(min_length=1)
    as_: MeasuredAs = Field(alias="as")


class CommitmentEntry(_Strict):
    """A commitment as the file writes it."""

    id: str
    task: StrictInt | None
    line: str | None = None
    wording: str
    name: str
    name_en: str | None = None
    unit: str
    target: Number
    #: The year it is due; null where the text states none (judged in the plan's last year).
    deadline: StrictInt | None = None
    #: Due every plan year (每年).
    yearly: StrictBool = False
    #: The text only strives for it (力争, 积极争取).
    strive: StrictBool = False
    measured_by: MeasuredBy | None = None
    # For commitments not measured by indicators (else derived from them):
    baseline: Number | None = None
    attribute: Attribute | None = None
    measure: Measure | None = None
    direction: Literal["increase", "decrease"] | None = None
    lead: str | None = None
    #: Indicators that measure something close but not the same (informational).
    related: list[StrictInt] = Field(default_factory=list)


class TasksFile(_Strict):
    tasks: list[Task] = Field(min_length=1)
    commitments: list[CommitmentEntry] = Field(default_factory=list)


#: The wording of a commitment met only above its number: 超过400家.
_MORE_THAN = re.compile(r"超过\s*[0-9０-９]")


class Commitment:
    """A commitment resolved against the plan: what the core judges.

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


# ── loading ──────────────────────────────────────────────────────────────────


def load_tasks(path: Path, plan: Plan, display: str | None = None) -> Tasks:
    """Read and validate a tasks file against the plan; raise PlanFileError listing every problem."""
    name = display or str(path)

    def fail(code: str, sentence: str, line=None, column=None) -> PlanFileError:
        return PlanFileError(sentence, [Finding(code, sentence, name, line, column)])

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise fail(
            "tasks-unreadable", _("cannot read the tasks file: {reason}.").format(reason=exc.strerror)
        ) from None
    except UnicodeDecodeError:
        raise fail("tasks-encoding", _("the tasks file is not UTF-8; save it as UTF-8.")) from None
    try:
        data = load_yaml(text)
    except Refused as exc:
        raise fail(f"tasks-{exc.code}", exc.sentence, exc.line, exc.column) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise fail(
            "tasks-yaml", _("the tasks file is not valid YAML: {problem}.").format(problem=problem), line, col
        ) from None
    if not isinstance(data, dict):
        raise fail(
            "tasks-structure", _("the tasks file must be a mapping with 'tasks' and 'commitments'."), 1
        )
    try:
        parsed = TasksFile.model_validate(data)
    except ValidationError as exc:
        problems = _describe_validation(exc, data, _subject, _field)
    else:
        problems = _check(parsed, plan, data)
    if problems:
        finder = _LineFinder(text)
        findings = [Finding(code, sentence, name, *finder.find(loc)) for loc, code, sentence in problems]
        message = ngettext(
            "the tasks file {name} has {n} problem.", "the tasks file {name} has {n} problems.", len(findings)
        )
        raise PlanFileError(message.format(name=name, n=len(findings)), findings)
    return Tasks(parsed, plan)


def _subject(loc: tuple, data: Any) -> str:
    if len(loc) >= 2 and loc[0] in ("tasks", "commitments") and isinstance(loc[1], int):
        try:
            entry = data[loc[0]][loc[1]]
        except (KeyError, IndexError, TypeError):
            entry = None
        ident = entry.get("id") if isinstance(entry, dict) else None
        if loc[0] == "tasks":
            return (
                _("task {id}").format(id=ident)
                if ident is not None
                else _("task #{n} in the list").format(n=loc[1] + 1)
            )
        if ident is not None:
            return _("commitment {id}").format(id=ident)
        return _("commitment #{n} in the list").format(n=loc[1] + 1)
    return _("the tasks file")


def _field(loc: tuple) -> str:
    rest = loc[2:] if len(loc) >= 2 and loc[0] in ("tasks", "commitments") else loc
    return ".".join(str(p) for p in rest) or "(entry)"


_OWN = ("baseline", "attribute", "measure", "direction", "lead")


def _check(parsed: TasksFile, plan: Plan, data: Any) -> list[tuple[tuple, str, str]]:
    """Rules across fields and files: unique ids, lines that exist, indicators and units of the plan."""
    problems: list[tuple[tuple, str, str]] = []

    def add(loc: tuple, code: str, what: str) -> None:
        problems.append(
            (loc, code, _("{subject}: {problem}.").format(subject=_subject(loc, data), problem=what))
        )

    named = [
        (("tasks", index, field, n), unit)
        for index, task in enumerate(parsed.tasks)
        for field in ("lead", "responsible")
        for n, unit in enumerate(getattr(task, field))
    ]
    named += [
        (("commitments", index, "lead"), c.lead) for index, c in enumerate(parsed.commitments) if c.lead
    ]
    for loc, unit in named:
        sentence = undeclared_unit(plan, unit, _subject(loc, data), loc[2])
        if sentence:
            problems.append((loc, "tasks-unknown-unit", sentence))
    task_ids = Counter(t.id for t in parsed.tasks)
    line_ids = Counter(line.id for t in parsed.tasks for line in t.lines)
    lines_of = {t.id: {line.id for line in t.lines} for t in parsed.tasks}
    for index, task in enumerate(parsed.tasks):
        if task_ids[task.id] > 1:
            add(
                ("tasks", index, "id"),
                "tasks-duplicate-id",
                _("id {id} is used by more than one task").format(id=task.id),
            )
        for n, line in enumerate(task.lines):
            if line_ids[line.id] > 1:
                add(
                    ("tasks", index, "lines", n, "id"),
                    "tasks-duplicate-id",
                    _("line of work {id} appears more than once").format(id=line.id),
                )
    raw = data.get("commitments") or []
    ids = Counter(c.id.casefold() for c in parsed.commitments)
    last = plan.years[-1]
    for index, c in enumerate(parsed.commitments):
        loc = ("commitments", index)
        given = raw[index] if index < len(raw) and isinstance(raw[index], dict) else {}
        if ids[c.id.casefold()] > 1:
            add(
                (*loc, "id"),
                "tasks-duplicate-id",
                _("id {id} is used by more than one commitment").format(id=c.id),
            )
        if c.task is not None:
            if c.task not in lines_of:
                add(
                    (*loc, "task"),
                    "tasks-unknown-task",
                    _("task {id} is not in the tasks file").format(id=c.task),
                )
            elif c.line not in lines_of[c.task]:
                add(
                    (*loc, "line"),
                    "tasks-unknown-line",
                    _("task {id} has no line of work '{line}'").format(id=c.task, line=c.line),
                )
        if c.yearly and c.deadline is not None:
            add((*loc, "deadline"), "tasks-inconsistent", _("a yearly commitment has no single deadline"))
        if not c.yearly and "deadline" not in given:
            add(
                loc,
                "tasks-field-missing",
                _("field 'deadline' is missing (null where the text gives no year)"),
            )
        if c.deadline is not None and c.deadline != last:
            add(
                (*loc, "deadline"),
                "tasks-inconsistent",
                _(
                    "the deadline {deadline} is not the plan's last year {last}; wcplan judges dated "
                    "commitments in that year"
                ).format(deadline=c.deadline, last=last),
            )
        if c.measured_by is not None:
            extra = [f for f in _OWN if f in given]
            if extra:
                add(
                    (*loc, extra[0]),
                    "tasks-inconsistent",
                    _("field '{field}' comes from the indicators that measure it; remove it").format(
                        field=extra[0]
                    ),
                )
            for n, ident in enumerate(c.measured_by.indicators):
                indicator = plan.indicator(ident)
                if indicator is None:
                    add(
                        (*loc, "measured_by", "indicators", n),
                        "tasks-unknown-indicator",
                        _("indicator {id} is not in the plan").format(id=ident),
                    )
                elif c.measured_by.as_ is MeasuredAs.INCREASE and indicator.baseline is None:
                    add(
                        (*loc, "measured_by", "indicators", n),
                        "tasks-inconsistent",
                        _("indicator {id} has no baseline, so its increase cannot be measured").format(
                            id=ident
                        ),
                    )
            continue
        missing = [f for f in _OWN if f not in given]
        if missing:
            add(
                loc,
                "tasks-field-missing",
                _("field '{field}' is missing (null where the plan names none)").format(field=missing[0]),
            )
            continue
        if c.attribute is None or c.measure is None or c.direction is None:
            add(loc, "tasks-field-invalid", _("fields 'attribute', 'measure' and 'direction' cannot be null"))
        elif c.measure not in ALLOWED_MEASURES[c.attribute]:
            add(
                (*loc, "measure"),
                "tasks-inconsistent",
                _(
                    "field 'measure' is {measure}, but a {attribute} commitment is measured as {allowed}"
                ).format(
                    measure=c.measure,
                    attribute=c.attribute,
                    allowed=_(" or ").join(sorted(ALLOWED_MEASURES[c.attribute])),
                ),
            )
        for n, ident in enumerate(c.related):
            if plan.indicator(ident) is None:
                add(
                    (*loc, "related", n),
                    "tasks-unknown-indicator",
                    _("indicator {id} is not in the plan").format(id=ident),
                )
    return problems
