"""Exceptions that carry a user-facing sentence and the exit code that goes with it.

The rules and the readers raise these; only the command line (wcplan.cli.app) turns them into
output and exit codes.
"""

from __future__ import annotations

from wcplan.base.exit_codes import ExitCode
from wcplan.base.findings import Finding


class WcplanError(Exception):
    exit_code: ExitCode = ExitCode.INVALID

    def __init__(self, message: str, findings: list[Finding] | None = None):
        super().__init__(message)
        self.message = message
        self.findings = findings or []


class PlanFileError(WcplanError):
    """The plan file (targets.yaml) cannot be read or does not validate."""


class ActualsError(WcplanError):
    """The actuals contain errors; `findings` lists every one."""


class UsageError(WcplanError):
    """The command line asks for something that does not exist (a year, a unit, a file)."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param
