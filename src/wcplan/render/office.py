"""What the Excel and Word reports share: the status shades, and the columns of the tables they
lay out alike (an indicator's row, a commitment's row with its comparison in a column of its own).
"""

from __future__ import annotations

from wcplan.base.i18n import N_
from wcplan.render import text
from wcplan.rules.verdicts import Status

#: Fills like the terminal's colours, in the pale tones spreadsheets use.
STATUS_FILL = {
    Status.MET: "C6EFCE",
    Status.ON_TRACK: "DDEBF7",
    Status.BEHIND: "FFEB9C",
    Status.OFF_TRACK: "FFC7CE",
    Status.NO_DATA: "EDEDED",  # grey: nothing to judge
    Status.UNKNOWN: "E4DFEC",  # lavender: a figure that cannot be judged, not a missing one
}
#: The same shades by a commitment's state (a status's value; "not due" has none).
STATE_FILL = {s.value: fill for s, fill in STATUS_FILL.items()}
#: The columns of an indicator's row in a unit's table: every format's, then outlook and source.
RESULT_HEADER = [*text.RESULT_COLUMNS, N_("Outlook"), N_("Source")]
#: The commitments' columns (wcplan.render.tasktext), the comparison (≥, >) in its own column.
COMMITMENT_HEADER = [
    N_("ID"),
    N_("Commitment"),
    N_("Unit"),
    N_("Comparison"),
    N_("Target"),
    N_("Due"),
    N_("Value"),
    N_("Gap"),
    N_("Status"),
    N_("Plan"),
    N_("Outlook"),
]
