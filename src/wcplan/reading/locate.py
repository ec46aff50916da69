"""Where the plan file and the actuals are found.

Plan file: --targets FILE, else $WCPLAN_TARGETS, else data/targets.yaml in the current
directory or one of its parents, else the copy shipped inside the package.
Actuals: --actuals PATH (files or folders, repeatable), else data/actuals/ beside the plan file.
Tasks file: --tasks FILE, else tasks.yaml beside the plan file (the packaged plan has the
packaged tasks file beside it). Task progress: --progress PATH, else data/progress/ beside the plan file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from wcplan.base.errors import UsageError
from wcplan.base.i18n import _
from wcplan.base.paths import display_path

ENV_TARGETS = "WCPLAN_TARGETS"
PLAN_RELATIVE = Path("data") / "targets.yaml"


@dataclass(frozen=True)
class PlanLocation:
    path: Path
    #: How it was found: "--targets", "$WCPLAN_TARGETS", "working directory" or "package".
    origin: str


def shipped_data() -> Path:
    return Path(str(resources.files("wcplan"))) / "data"


def find_plan(option: Path | None, cwd: Path | None = None) -> PlanLocation:
    if option is not None:
        _check_file(option, "--targets", _("the plan file {path} does not exist."))
        return PlanLocation(option, "--targets")
    env = os.environ.get(ENV_TARGETS)
    if env:
        path = Path(env)
        if not path.is_file():
            raise UsageError(
                _("${variable} names {path}, which is not a file.").format(variable=ENV_TARGETS, path=env),
                param=ENV_TARGETS,
            )
        return PlanLocation(path, f"${ENV_TARGETS}")
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / PLAN_RELATIVE
        if candidate.is_file():
            return PlanLocation(candidate, "working directory")
    packaged = shipped_data() / "targets.yaml"
    if packaged.is_file():
        return PlanLocation(packaged, "package")
    raise UsageError(
        _(
            "no plan file found: give --targets FILE, set ${variable}, or run inside a folder with {path}."
        ).format(variable=ENV_TARGETS, path=PLAN_RELATIVE),
        param="--targets",
    )


def _check_file(path: Path, param: str, missing: str) -> None:
    """A file named by an option must be a file: a folder, or nothing at all, is a usage error."""
    if path.is_dir():
        raise UsageError(
            _("{path} is a folder; {option} takes a file, such as {example}.").format(
                path=path,
                option=param,
                example=path / ("targets.yaml" if param == "--targets" else "tasks.yaml"),
            ),
            param=param,
        )
    if not path.is_file():
        raise UsageError(missing.format(path=path), param=param)


def find_actuals(options: list[Path] | None, plan: PlanLocation, param: str = "--actuals") -> list[Path]:
    """The actuals paths to read; an empty list means there are none to read. `param`: what named
    them (--actuals, or validate's PATH argument), for the sentence when one does not exist."""
    if options:
        for path in options:
            if not path.exists():
                raise UsageError(_("{path} does not exist.").format(path=path), param=param)
        return list(options)
    beside = plan.path.parent / "actuals"
    return [beside] if beside.is_dir() else []


def find_tasks(option: Path | None, plan: PlanLocation, required: bool = True) -> Path | None:
    """The tasks file: --tasks FILE, else tasks.yaml beside the plan file (the shipped plan has
    the shipped tasks beside it). None when there is none and none is `required`."""
    if option is not None:
        _check_file(option, "--tasks", _("the tasks file {path} does not exist."))
        return option
    candidate = plan.path.parent / "tasks.yaml"
    if candidate.is_file():
        return candidate
    if not required:
        return None
    raise UsageError(
        _("no tasks file found: give --tasks FILE, or add tasks.yaml beside {path}.").format(
            path=display_path(plan.path)
        ),
        param="--tasks",
    )


def find_progress(options: list[Path] | None, plan: PlanLocation) -> list[Path]:
    """The task-progress paths to read; an empty list means there are none."""
    if options:
        for path in options:
            if not path.exists():
                raise UsageError(_("{path} does not exist.").format(path=path), param="--progress")
        return list(options)
    beside = plan.path.parent / "progress"
    return [beside] if beside.is_dir() else []
