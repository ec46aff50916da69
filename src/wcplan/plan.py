"""The plan file (targets.yaml): its schema, and loading it with one sentence per problem.

Nothing here is specific to Wangcheng: any plan with this schema works.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, ValidationError

from wcplan.errors import PlanFileError
from wcplan.findings import Finding

Number = StrictInt | StrictFloat
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Attribute(StrEnum):
    CUMULATIVE = "cumulative"  # 累计值
    ANNUAL = "annual"  # 当年值
    RATIO = "ratio"  # 占比值


class Measure(StrEnum):
    FLOW = "flow"
    STOCK = "stock"
    SHARE = "share"


#: Which measures each attribute admits (docs/methodology.md, "Attribute and measure").
ALLOWED_MEASURES = {
    Attribute.CUMULATIVE: {Measure.FLOW, Measure.STOCK},
    Attribute.ANNUAL: {Measure.FLOW},
    Attribute.RATIO: {Measure.SHARE},
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Thresholds(_Strict):
    on_track: Number = 0.95
    behind: Number = 0.6


class PlanMeta(_Strict):
    title: str
    short_title: str | None = None
    document_number: str
    issued_by: str | None = None
    issued_on: dt.date | None = None
    base_year: StrictInt
    years: list[StrictInt] = Field(min_length=1)
    thresholds: Thresholds = Thresholds()
    tolerance: Number = 1e-9


class Indicator(_Strict):
    id: StrictInt
    category: str
    name: str
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


class Plan(_Strict):
    plan: PlanMeta
    indicators: list[Indicator] = Field(min_length=1)

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

    def lead_units(self) -> list[str]:
        """Lead units in order of their first indicator."""
        return list(dict.fromkeys(i.lead for i in self.indicators))

    def all_units(self) -> list[str]:
        return list(dict.fromkeys(u for i in self.indicators for u in i.units()))

    def categories(self) -> list[str]:
        return list(dict.fromkeys(i.category for i in self.indicators))


# ── loading ──────────────────────────────────────────────────────────────────


def load_plan(path: Path, display: str | None = None) -> Plan:
    """Read and validate a plan file; raise PlanFileError listing every problem."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _error(name, "plan-unreadable", f"cannot read the plan file: {exc.strerror}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _error(name, "plan-encoding", "the plan file is not UTF-8; save it as UTF-8.", line) from None
    try:
        # The safe loader (no Python objects), with libyaml's C parser where PyYAML has it:
        # the same result as yaml.safe_load, several times faster on the 42-indicator plan.
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise _error(name, "plan-yaml", f"the plan file is not valid YAML: {problem}.", line, col) from None
    if not isinstance(data, dict):
        raise _error(
            name, "plan-structure", "the plan file must be a mapping with 'plan' and 'indicators'.", 1
        )

    problems: list[tuple[tuple, str, str]] = []  # (location path, code, sentence)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems = _describe_validation(exc, data)
    else:
        problems = _check_consistency(plan, data)
    if problems:
        lines = _LineFinder(text)
        findings = []
        for loc, code, sentence in problems:
            line, col = lines.find(loc)
            findings.append(Finding(code, sentence, name, line, col))
        noun = "problem" if len(findings) == 1 else "problems"
        raise PlanFileError(f"the plan file {name} has {len(findings)} {noun}.", findings)
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
            label = f"indicator {ident}" if ident is not None else f"indicator #{loc[1] + 1} in the list"
            return f"{label} ({name})" if name else label
        return f"indicator #{loc[1] + 1} in the list"
    return "the plan"


def _field(loc: tuple) -> str:
    rest = loc[2:] if len(loc) >= 2 and loc[0] == "indicators" else loc
    return ".".join(str(p) for p in rest) or "(entry)"


def _describe_validation(
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
            code, what = "plan-field-missing", f"field '{field}' is missing"
        elif kind == "extra_forbidden":
            code, what = "plan-field-unknown", f"'{field}' is not a field of the plan file"
        elif kind in ("enum", "literal_error"):
            allowed = err.get("ctx", {}).get("expected", "")
            code, what = "plan-field-invalid", f"field '{field}' must be one of {allowed}, not {value!r}"
        elif kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
            noun = "a whole number" if loc and loc[-1] in ("id", "base_year") else "a number"
            if loc and loc[-1] == "[key]":
                loc = loc[:-1]
                field, noun = field_of(loc), "a year"
            elif len(loc) >= 2 and loc[-2] == "years":
                noun = "a year"
            code, what = "plan-field-invalid", f"field '{field}' must be {noun}, not {value!r}"
        elif kind in ("string_type",):
            code, what = "plan-field-invalid", f"field '{field}' must be text, not {value!r}"
        elif kind in ("list_type",):
            code, what = "plan-field-invalid", f"field '{field}' must be a list, not {value!r}"
        else:
            code, what = "plan-field-invalid", f"field '{field}': {err['msg'].rstrip('.')} (found {value!r})"
        problems[loc] = (code, f"{subject}: {what}.")
    return [(loc, code, sentence) for loc, (code, sentence) in problems.items()]


def _check_consistency(plan: Plan, data: Any) -> list[tuple[tuple, str, str]]:
    """Rules that span fields: unique ids, targets for exactly the plan years, measures."""
    problems = []
    meta = plan.plan
    years = set(meta.years)
    if meta.base_year in years or any(y <= meta.base_year for y in years):
        problems.append(
            (
                ("plan", "years"),
                "plan-inconsistent",
                f"the plan: every plan year must come after the base year {meta.base_year}.",
            )
        )
    th = meta.thresholds
    if not 0 < th.behind < th.on_track:
        problems.append(
            (
                ("plan", "thresholds"),
                "plan-inconsistent",
                "the plan: thresholds must satisfy 0 < behind < on_track "
                f"(found behind {th.behind}, on_track {th.on_track}).",
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
                    f"{subject}: id {ind.id} is used by more than one indicator.",
                )
            )
        seen.add(ind.id)
        for year in ind.targets:
            if year not in years:
                problems.append(
                    (
                        (*loc, "targets", year),
                        "plan-target-year",
                        f"{subject}: field 'targets' has a target for {year}, "
                        f"outside the plan years {expected}.",
                    )
                )
        missing = [y for y in meta.years if y not in ind.targets]
        if missing:
            problems.append(
                (
                    (*loc, "targets"),
                    "plan-target-year",
                    f"{subject}: field 'targets' has no target for {', '.join(map(str, missing))}.",
                )
            )
        if ind.measure not in ALLOWED_MEASURES[ind.attribute]:
            allowed = " or ".join(sorted(ALLOWED_MEASURES[ind.attribute]))
            problems.append(
                (
                    (*loc, "measure"),
                    "plan-inconsistent",
                    f"{subject}: field 'measure' is {ind.measure}, but a {ind.attribute} indicator "
                    f"is measured as {allowed}.",
                )
            )
        if not ind.responsible:
            problems.append(
                (
                    (*loc, "responsible"),
                    "plan-field-invalid",
                    f"{subject}: field 'responsible' must name at least one unit.",
                )
            )
    return problems


class _LineFinder:
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
