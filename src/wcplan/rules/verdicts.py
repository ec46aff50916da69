"""The words of a judgement: an indicator's status, and the outlook to its final target
(methodology: "Year-end assessment", "Outlook to the final target"). Apart from the rules that
reach them (wcplan.rules.status, wcplan.rules.outlook), so that what only names them (the
terminal's colours, the words of every output) need not import the rules themselves."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    UNKNOWN = "unknown"

    @property
    def assessed(self) -> bool:
        """Whether an actual existed and a status could be computed."""
        return self not in (Status.NO_DATA, Status.UNKNOWN)


STATUSES = list(Status)
LAGGING = (Status.BEHIND, Status.OFF_TRACK)


class Outlook(StrEnum):
    LIKELY = "likely"
    AT_RISK = "at_risk"
    UNLIKELY = "unlikely"
    UNKNOWN = "unknown"
