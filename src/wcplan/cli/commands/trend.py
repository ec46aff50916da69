"""`wcplan trend ID`: one indicator over the plan: targets, actuals, statuses, outlook, a chart."""

from __future__ import annotations

import unicodedata
from typing import Annotated

import typer

import wcplan
from wcplan.base.errors import UsageError
from wcplan.base.i18n import N_, _
from wcplan.cli import completion, options
from wcplan.cli.inputs import load, read_valid


def command(
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="ID|NAME",
            help=N_("The indicator's id (1-42) or its name."),
            show_default=False,
            autocompletion=completion.indicators,
        ),
    ],
    targets: options.Targets = None,
    actuals: options.Actuals = None,
    format: options.TableOrJsonFormat = options.TableOrJson.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment
    from wcplan.render.text import illustrative_note

    env = environment(no_color)
    location, plan = load(targets)
    chosen = find(plan, indicator)
    read = read_valid(plan, location, actuals, env)
    result = wcplan.trend(plan, chosen, read)
    notes = illustrative_note([r.actual for r in result.years])
    if format is options.TableOrJson.json:
        from wcplan.render.json import dumps, trend_document

        env.write(dumps(trend_document(result, notes)))
    else:
        from wcplan.render.terminal.trend import render_trend

        render_trend(result, plan, notes, env.stdout)


#: At most this many candidates are named in a sentence.
SHOWN = 6


def find(plan, text: str):
    """The indicator an ID|NAME argument names (Plan.find_indicator); else a usage error that
    names the candidates: those whose names contain it, or the closest."""
    chosen, candidates, several = plan.find_indicator(text)
    if chosen is not None:
        return chosen
    ids = [i.id for i in plan.indicators]
    # the names in the language of the text typed: Chinese names for a Chinese text
    chinese = any(unicodedata.east_asian_width(c) in "WF" for c in text)
    listed = _("; ").join(f"{i.id} {i.name if chinese else i.label}" for i in candidates[:SHOWN])
    if len(candidates) > SHOWN:
        listed += _("; and {n} more").format(n=len(candidates) - SHOWN)
    if several:
        sentence = _(
            "'{indicator}' is in the names of {n} indicators: {candidates}; give the id or the whole name."
        )
    elif candidates:
        sentence = _(
            "no indicator is '{indicator}'; did you mean {candidates}? Give the id or the whole name."
        )
    else:
        sentence = _(
            "no indicator is '{indicator}'; give an id from {first} to {last} or a name as in the plan "
            "(wcplan targets lists them)."
        )
    raise UsageError(
        sentence.format(indicator=text, n=len(candidates), candidates=listed, first=min(ids), last=max(ids)),
        param="ID|NAME",
    )
