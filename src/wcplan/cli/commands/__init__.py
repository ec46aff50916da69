"""One module per command. Each builds its inputs (wcplan.cli.inputs), calls the API once, then renders.

Heavy modules (pandas, pydantic) are imported inside the command functions, so that
`wcplan --help` does not pay for them; and a command's module is imported only when that
command runs or its help is shown (wcplan.cli.app), so that no command pays for the others.
"""

from wcplan.base.i18n import N_

#: Every command, in the order `wcplan --help` lists them, with its help: the name of its module
#: here, whose `command` function it runs.
COMMANDS: dict[str, str] = {
    "targets": N_(
        "List the plan's indicators: baseline, yearly targets, attribute, lead and responsible units."
    ),
    "status": N_("Judge every indicator for a YEAR (or the year to date of a PERIOD), by lead unit."),
    "validate": N_(
        "Check actuals and task-progress files as CI does: every problem as FILE:LINE:COLUMN, exit 1 on "
        "any error."
    ),
    "units": N_(
        "Score every unit for YEAR: indicators per status, (met + on track) / assessed, worst indicator;"
        " then each lead unit's lines of work and commitments."
    ),
    "trend": N_(
        "Show one indicator over time: baseline, each year's target, actual and status, and the outlook."
    ),
    "report": N_(
        "Make a report of YEAR (or a PERIOD) to circulate: summary, units, what lags, no data, tasks and"
        " commitments, method."
    ),
    "tasks": N_(
        "The five tasks by lead unit for YEAR: each line of work's latest status and note, and each "
        "commitment of the plan's text judged like an indicator."
    ),
    "template": N_(
        "Make the fill-in sheets (填报模板) of YEAR or PERIOD: one file per unit, with the indicators it "
        "leads and those it is responsible for, to fill in and check with `wcplan validate`."
    ),
    "submissions": N_(
        "Who has reported YEAR or PERIOD (报送情况): each unit's indicators, which have a figure and from "
        "which file, and the list of who is still to report (催报清单)."
    ),
}
