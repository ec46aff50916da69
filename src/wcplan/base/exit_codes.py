"""Every exit code wcplan uses, in one place."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    #: The data (plan file or actuals) is invalid, or a check failed.
    INVALID = 1
    #: The command line is wrong: unknown option, a year outside the plan, a missing file.
    USAGE = 2
    #: Anything unexpected: a bug in wcplan. Still reported in one sentence.
    UNEXPECTED = 3
