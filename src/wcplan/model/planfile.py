"""Loading the plan file (targets.yaml), with one sentence naming line and column for each problem.

The description of pydantic's validation errors and the mapping of a location back to its YAML
line serve the tasks file too (wcplan.model.tasksfile).
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from wcplan.base.errors import PlanFileError
from wcplan.base.findings import Finding
from wcplan.base.i18n import _, ngettext
from wcplan.model.plan import ALLOWED_MEASURES, Plan
from wcplan.model.strict import Doubt, Invalid, Record
from wcplan.model.yamlfile import Refused, load_yaml

if TYPE_CHECKING:
    from pydantic import ValidationError


def validated(kind: type[Record], data: Any):
    """The record (Plan, TasksFile, …) of a file's data: built directly when the data is plainly
    valid (wcplan.model.strict), else validated by pydantic (wcplan.model.schema); Invalid, with
    pydantic's ValidationError (the file's messages), when it is invalid."""
    try:
        return kind.build(data)
    except Doubt:
        from wcplan.model.schema import validate

        return validate(kind, data)


def load_plan(path: Path, display: str | None = None) -> Plan:
    """Read and validate a plan file; raise PlanFileError listing every problem."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _error(
            name, "plan-unreadable", _("cannot read the plan file: {reason}.").format(reason=exc.strerror)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _error(
            name, "plan-encoding", _("the plan file is not UTF-8; save it as UTF-8."), line
        ) from None
    try:
        data = load_yaml(text)
    except Refused as exc:
        raise _error(name, f"plan-{exc.code}", exc.sentence, exc.line, exc.column) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise _error(
            name,
            "plan-yaml",
            _("the plan file is not valid YAML: {problem}.").format(problem=problem),
            line,
            col,
        ) from None
    if not isinstance(data, dict):
        raise _error(
            name, "plan-structure", _("the plan file must be a mapping with 'plan' and 'indicators'."), 1
        )

    problems: list[tuple[tuple, str, str]] = []  # (location path, code, sentence)
    try:
        plan = validated(Plan, data)
    except Invalid as invalid:
        problems = describe_validation(invalid.error, data)
    else:
        problems = _check_consistency(plan, data)
    if problems:
        lines = LineFinder(text)
        findings = []
        for loc, code, sentence in problems:
            line, col = lines.find(loc)
            findings.append(Finding(code, sentence, name, line, col))
        message = ngettext(
            "the plan file {name} has {n} problem.", "the plan file {name} has {n} problems.", len(findings)
        )
        raise PlanFileError(message.format(name=name, n=len(findings)), findings)
    return plan


def _error(name: str, code: str, sentence: str, line=None, column=None) -> PlanFileError:
    return PlanFileError(sentence, [Finding(code, sentence, name, line, column)])


def _subject(loc: tuple, data: Any) -> str:
    """'indicator 4 (制造业增加值占GDP比重)' for a location inside an indicator, else 'the plan'."""
    if len(loc) >= 2 and loc[0] == "indicators" and isinstance(loc[1], int):
        try:
            entry = data["indicators"][loc[1]]
        except (KeyError, IndexError, TypeError):
            entry = None
        if isinstance(entry, dict):
            ident, name = entry.get("id"), entry.get("name")
            if ident is not None:
                label = _("indicator {id}").format(id=ident)
            else:
                label = _("indicator #{n} in the list").format(n=loc[1] + 1)
            return _("{subject} ({name})").format(subject=label, name=name) if name else label
        return _("indicator #{n} in the list").format(n=loc[1] + 1)
    return _("the plan")


def _field(loc: tuple) -> str:
    rest = loc[2:] if len(loc) >= 2 and loc[0] == "indicators" else loc
    return ".".join(str(p) for p in rest) or _("(entry)")


def describe_validation(
    exc: ValidationError, data: Any, subject_of=None, field_of=None
) -> list[tuple[tuple, str, str]]:
    """One (location, code, sentence) per field in error. `subject_of(loc, data)` names the entry
    ('indicator 4 (…)'), `field_of(loc)` the field inside it; the defaults are the plan file's."""
    subject_of, field_of = subject_of or _subject, field_of or _field
    problems: dict[tuple, tuple[str, str]] = {}
    for err in exc.errors():
        loc = tuple(err["loc"])
        # A union of int | float reports once per member: keep one sentence per field.
        if loc and loc[-1] in ("int", "float", "constrained-int", "constrained-float"):
            loc = loc[:-1]
        if loc in problems:
            continue
        kind, value = err["type"], err.get("input")
        subject, field = subject_of(loc, data), field_of(loc)
        if kind == "missing":
            code, what = "plan-field-missing", _("field '{field}' is missing")
        elif kind == "extra_forbidden":
            code, what = "plan-field-unknown", _("'{field}' is not a field of the plan file")
        elif kind in ("enum", "literal_error"):
            allowed = err.get("ctx", {}).get("expected", "")
            code = "plan-field-invalid"
            what = _("field '{field}' must be one of {allowed}, not {value}").replace("{allowed}", allowed)
        elif kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
            what = (
                _("field '{field}' must be a whole number, not {value}")
                if loc and loc[-1] in ("id", "base_year")
                else _("field '{field}' must be a number, not {value}")
            )
            if loc and loc[-1] == "[key]":
                loc = loc[:-1]
                field, what = field_of(loc), _("field '{field}' must be a year, not {value}")
            elif len(loc) >= 2 and loc[-2] == "years":
                what = _("field '{field}' must be a year, not {value}")
            code = "plan-field-invalid"
        elif kind == "finite_number":
            code, what = "plan-field-invalid", _("field '{field}' must be a finite number, not {value}")
        elif kind == "negative_number":
            code, what = "plan-field-invalid", _("field '{field}' must be zero or more, not {value}")
        elif kind in ("string_type",):
            code, what = "plan-field-invalid", _("field '{field}' must be text, not {value}")
        elif kind == "unit_names":
            code = "plan-field-invalid"
            what = _(
                "field '{field}' must be the unit's English name, or a mapping of its names (en, short, "
                "short_en), not {value}"
            )
        elif kind in ("list_type",):
            code, what = "plan-field-invalid", _("field '{field}' must be a list, not {value}")
        else:
            code = "plan-field-invalid"
            what = _("field '{field}': {problem} (found {value})").replace(
                "{problem}", err["msg"].rstrip(".")
            )
        what = what.replace("{field}", field).replace("{value}", repr(value))
        problems[loc] = (code, _("{subject}: {problem}.").format(subject=subject, problem=what))
    return [(loc, code, sentence) for loc, (code, sentence) in problems.items()]


def _check_consistency(plan: Plan, data: Any) -> list[tuple[tuple, str, str]]:
    """Rules that span fields: unique ids, targets for exactly the plan years, measures, units."""
    problems = []
    meta = plan.plan
    years = set(meta.years)
    if meta.base_year in years or any(y <= meta.base_year for y in years):
        problems.append(
            (
                ("plan", "years"),
                "plan-inconsistent",
                _("the plan: every plan year must come after the base year {year}.").format(
                    year=meta.base_year
                ),
            )
        )
    th = meta.thresholds
    if not 0 < th.behind < th.on_track:
        problems.append(
            (
                ("plan", "thresholds"),
                "plan-inconsistent",
                _(
                    "the plan: thresholds must satisfy 0 < behind < on_track "
                    "(found behind {behind}, on_track {on_track})."
                ).format(behind=th.behind, on_track=th.on_track),
            )
        )
    counts = Counter(i.id for i in plan.indicators)
    seen: set[int] = set()
    expected = ", ".join(str(y) for y in meta.years)
    for index, ind in enumerate(plan.indicators):
        loc = ("indicators", index)
        subject = _subject(loc, data)
        if counts[ind.id] > 1 and ind.id in seen:
            problems.append(
                (
                    (*loc, "id"),
                    "plan-duplicate-id",
                    _("{subject}: id {id} is used by more than one indicator.").format(
                        subject=subject, id=ind.id
                    ),
                )
            )
        seen.add(ind.id)
        for year in ind.targets:
            if year not in years:
                problems.append(
                    (
                        (*loc, "targets", year),
                        "plan-target-year",
                        _(
                            "{subject}: field 'targets' has a target for {year}, "
                            "outside the plan years {years}."
                        ).format(subject=subject, year=year, years=expected),
                    )
                )
        missing = [y for y in meta.years if y not in ind.targets]
        if missing:
            problems.append(
                (
                    (*loc, "targets"),
                    "plan-target-year",
                    _("{subject}: field 'targets' has no target for {years}.").format(
                        subject=subject, years=", ".join(map(str, missing))
                    ),
                )
            )
        if ind.measure not in ALLOWED_MEASURES[ind.attribute]:
            allowed = _(" or ").join(sorted(ALLOWED_MEASURES[ind.attribute]))
            problems.append(
                (
                    (*loc, "measure"),
                    "plan-inconsistent",
                    _(
                        "{subject}: field 'measure' is {measure}, but a {attribute} indicator "
                        "is measured as {allowed}."
                    ).format(subject=subject, measure=ind.measure, attribute=ind.attribute, allowed=allowed),
                )
            )
        named = [((*loc, "lead"), ind.lead)]
        named += [((*loc, "responsible", n), unit) for n, unit in enumerate(ind.responsible)]
        for where, unit in named:
            sentence = undeclared_unit(plan, unit, subject, where[2])
            if sentence:
                problems.append((where, "plan-unknown-unit", sentence))
        if not ind.responsible:
            problems.append(
                (
                    (*loc, "responsible"),
                    "plan-field-invalid",
                    _("{subject}: field 'responsible' must name at least one unit.").format(subject=subject),
                )
            )
    return problems


def undeclared_unit(plan: Plan, unit: str, subject: str, field: str) -> str | None:
    """The sentence for a unit name that the plan does not declare under 'units', with the
    nearest declared name where one is close (a typo such as 区工信 for 区工信局); None when the
    name is declared. The tasks file's units are checked by the same rule."""
    if unit in plan.unit_names:
        return None
    nearest = difflib.get_close_matches(unit, list(plan.unit_names), n=1)
    if nearest:
        return _(
            "{subject}: field '{field}' names {unit}, which the plan file does not declare under "
            "'units'; did you mean {nearest}?"
        ).format(subject=subject, field=field, unit=unit, nearest=nearest[0])
    return _(
        "{subject}: field '{field}' names {unit}, which the plan file does not declare under "
        "'units'; add it there if it is a unit of the plan."
    ).format(subject=subject, field=field, unit=unit)


class LineFinder:
    """Map a validation location to the YAML line and column it came from.

    Composed only when there is something to report, so a valid plan pays nothing.
    """

    def __init__(self, text: str):
        try:
            self.root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            self.root = None

    def find(self, loc: tuple) -> tuple[int | None, int | None]:
        node = self.root
        if node is None:
            return None, None
        best = node
        for part in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if str(key.value) == str(part):
                        child = value
                        break
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
            ):
                child = node.value[part]
            if child is None:
                break
            node = best = child
        return best.start_mark.line + 1, best.start_mark.column + 1
