"""Shell completion (bash, zsh, fish): what the shell offers for an indicator, a unit, a
category, a status, a year and a period.

Each function runs only when the shell asks (`_WCPLAN_COMPLETE` set by the script that
`wcplan --install-completion` installs), so the plan is loaded there and then, never at start-up:
the plan file that `--targets` names on the command line so far, else the one wcplan finds. A
completion never fails: a plan that cannot be read offers nothing. Each offer is (value, help),
which zsh and fish show beside it.
"""

from __future__ import annotations

from pathlib import Path

import typer

from wcplan.base.i18n import _

#: The forms of a period offered for each plan year (months only once the year is typed with a dash).
PERIOD_FORMS = ("Q1", "Q2", "Q3", "H1")


def _plan(ctx: typer.Context | None):
    """The plan the command line names so far, or the one wcplan finds; None if there is none."""
    try:
        from wcplan import load_plan
        from wcplan.reading.locate import find_plan

        given = (ctx.params.get("targets") if ctx is not None else None) or None
        return load_plan(find_plan(Path(given) if given else None).path)
    except Exception:  # a completion offers nothing rather than fail in the user's shell
        return None


def _matching(incomplete: str, offers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The offers whose value starts with what is typed (in any case), else contain it."""
    typed = incomplete.casefold()
    first = [o for o in offers if o[0].casefold().startswith(typed)]
    return first or [o for o in offers if typed and typed in o[0].casefold()]


def indicators(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Indicator ids (with the name as help), and the names in Chinese and English."""
    plan = _plan(ctx)
    if plan is None:
        return []
    offers = [(str(i.id), i.label) for i in plan.indicators]
    if incomplete and not incomplete.isdigit():
        offers = [(i.name, f"{i.id}") for i in plan.indicators]
        offers += [(i.name_en, f"{i.id}") for i in plan.indicators if i.name_en]
    return _matching(incomplete, offers)


def units(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The plan's units by their Chinese names (the English name as help), and the English names."""
    plan = _plan(ctx)
    if plan is None:
        return []
    offers = [(zh, en or "") for zh, en in plan.units.items()]
    offers += [(en, zh) for zh, en in plan.units.items() if en]
    return _matching(incomplete, offers)


def categories(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    plan = _plan(ctx)
    if plan is None:
        return []
    offers = [(c, plan.categories_en.get(c, "")) for c in plan.categories()]
    offers += [(en, zh) for zh, en in plan.categories_en.items() if en]
    return _matching(incomplete, offers)


def statuses(incomplete: str) -> list[tuple[str, str]]:
    """The status codes (their names in the current language as help); a list so far is kept."""
    from wcplan.render.text import status_label
    from wcplan.rules.verdicts import Status

    done, _sep, typed = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    offers = [(s.value, status_label(s)) for s in Status]
    offers += [(status_label(s), s.value) for s in Status if status_label(s).replace(" ", "_") != s.value]
    return [(prefix + value, help) for value, help in _matching(typed, offers)]


def years(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    plan = _plan(ctx)
    if plan is None:
        return []
    return _matching(incomplete, [(str(y), _("plan year")) for y in plan.years])


def periods(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Plan years, their quarters and first half; months once `2022-` is typed."""
    plan = _plan(ctx)
    if plan is None:
        return []
    offers = []
    for year in plan.years:
        offers.append((str(year), _("plan year")))
        offers += [(f"{year}-{form}", _("the year to date")) for form in PERIOD_FORMS]
        if incomplete.startswith(f"{year}-") and not incomplete[5:6].isalpha():
            offers += [(f"{year}-{m:02d}", _("the year to date")) for m in range(1, 13)]
    return _matching(incomplete, offers)
