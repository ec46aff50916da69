"""`wcplan trend ID`: one indicator over the plan: targets, actuals, statuses, outlook, a chart."""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

import wcplan
from wcplan.base.errors import UsageError
from wcplan.base.i18n import N_, _
from wcplan.cli import options
from wcplan.cli.inputs import load, read_valid

HELP = N_("Show one indicator over time: baseline, each year's target, actual and status, and the outlook.")


def command(
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="ID|NAME", help=N_("The indicator's id (1-42) or its name."), show_default=False
        ),
    ],
    targets: options.Targets = None,
    actuals: options.Actuals = None,
    format: options.TableOrJsonFormat = options.TableOrJson.table,
    no_color: options.NoColor = False,
) -> None:
    from wcplan.cli.console import environment
    from wcplan.reading.values import name_key
    from wcplan.render.text import illustrative_note

    env = environment(no_color)
    location, plan = load(targets)
    # isdecimal, not isdigit: int() reads the digits of any script (１２), but not '²' or '①'
    by_id = indicator.strip().isdecimal()
    chosen = None
    # more digits than int() converts (4300): no plan has such an id
    with contextlib.suppress(ValueError):
        chosen = plan.indicator(int(indicator)) if by_id else None
    if chosen is None and not by_id:
        chosen = next((i for i in plan.indicators if name_key(i.name) == name_key(indicator)), None)
    if chosen is None:
        ids = [i.id for i in plan.indicators]
        raise UsageError(
            _(
                "no indicator is '{indicator}'; give an id from {first} to {last} or a name as in the plan "
                "(wcplan targets lists them)."
            ).format(indicator=indicator, first=min(ids), last=max(ids)),
            param="ID|NAME",
        )
    read = read_valid(plan, location, actuals, env)
    result = wcplan.trend(plan, chosen, read)
    notes = illustrative_note([r.actual for r in result.years])
    if format is options.TableOrJson.json:
        from wcplan.render.json import dumps, trend_document

        env.write(dumps(trend_document(result, notes)))
    else:
        from wcplan.render.terminal.trend import render_trend

        render_trend(result, plan, notes, env.stdout)
