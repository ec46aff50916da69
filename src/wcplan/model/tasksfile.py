"""Loading the tasks file (tasks.yaml) against the plan, with one sentence naming line and column
for each problem.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from wcplan.base.errors import PlanFileError
from wcplan.base.findings import Finding
from wcplan.base.i18n import _, ngettext
from wcplan.model.plan import ALLOWED_MEASURES, Plan
from wcplan.model.planfile import LineFinder, describe_validation, undeclared_unit, validated
from wcplan.model.strict import Invalid
from wcplan.model.tasks import MeasuredAs, Tasks, TasksFile
from wcplan.model.yamlfile import Refused, load_yaml


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
        parsed = validated(TasksFile, data)
    except Invalid as invalid:
        problems = describe_validation(invalid.error, data, _subject, _field)
    else:
        problems = _check(parsed, plan, data)
    if problems:
        finder = LineFinder(text)
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
