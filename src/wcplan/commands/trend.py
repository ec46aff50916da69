"""`wcplan trend ID`: one indicator over the plan: targets, actuals, statuses, outlook, a chart."""

from __future__ import annotations

from typing import Annotated

import typer

from wcplan import options
from wcplan.commands.common import load
from wcplan.errors import UsageError
from wcplan.i18n import N_, _

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
    from wcplan.actuals import name_key
    from wcplan.commands.status import read_valid
    from wcplan.console import environment
    from wcplan.outlook import trend
    from wcplan.render import trend as render
    from wcplan.render.text import illustrative_note

    env = environment(no_color)
    location, plan = load(targets)
    chosen = plan.indicator(int(indicator)) if indicator.strip().isdigit() else None
    if chosen is None and not indicator.strip().isdigit():
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
    result = trend(plan, chosen, read.actuals)
    notes = illustrative_note([r.actual for r in result.years])
    if format is options.TableOrJson.json:
        from wcplan.render.json import dumps

        env.write(dumps(render.document(result, plan, notes)))
    else:
        render.render(result, plan, notes, env.stdout)
