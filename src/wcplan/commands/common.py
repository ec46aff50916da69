"""Steps several commands share: finding and loading the plan, checking filters."""

from __future__ import annotations

from pathlib import Path

from wcplan.errors import UsageError
from wcplan.i18n import _


def load(targets: Path | None):
    """Locate and load the plan file; returns (location, plan)."""
    from wcplan.inputs import record
    from wcplan.locate import display_path, find_plan
    from wcplan.plan import load_plan

    location = find_plan(targets)
    record(location.path)
    return location, load_plan(location.path, display_path(location.path))


def check_choices(
    given: list[str] | None, known: list[str], option: str, noun: str, english=None
) -> list[str]:
    """Every value of a filter option must name something that exists: by its Chinese name, or
    by its English one (`english`: Chinese name -> English name), in any case."""
    by_english = {en.casefold(): zh for zh, en in (english or {}).items() if en}
    chosen, unknown = [], []
    for g in given or []:
        name = g if g in known else by_english.get(g.strip().casefold())
        (chosen if name in known else unknown).append(name or g)
    if unknown:
        sentence = (
            _("no unit is called {names}; the plan's units are: {known}.")
            if noun == "unit"
            else _("no category is called {names}; the plan's categories are: {known}.")
        )
        raise UsageError(sentence.format(names=", ".join(unknown), known=", ".join(known)), param=option)
    return chosen


def tasks_loader(plan, location, option: Path | None = None, required: bool = True):
    """A function that locates and loads the tasks file once, when first called; it returns None
    when there is no tasks file and none is `required`."""
    loaded = []

    def get():
        if not loaded:
            from wcplan.inputs import record
            from wcplan.locate import display_path, find_tasks
            from wcplan.tasks import load_tasks

            path = find_tasks(option, location, required)
            if path:
                record(path)
            loaded.append(load_tasks(path, plan, display_path(path)) if path else None)
        return loaded[0]

    return get


def check_year(year: int, plan) -> int:
    """A YEAR argument must be a plan year."""
    if year not in plan.years:
        raise UsageError(
            _("{year} is not a plan year; the plan's years are {years}.").format(
                year=year, years=", ".join(map(str, plan.years))
            ),
            "YEAR",
        )
    return year
