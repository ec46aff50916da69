"""Records of the plan and tasks files, built from their YAML data without pydantic.

Importing pydantic and building its schemas costs more than all the rest of `wcplan status`
(benchmarks/startup.py), so a record is built here when its data is plainly valid: every value
of exactly the type its field wants, every required field there, no unknown one. Whatever is
not plainly valid, this module doubts (`Doubt`) and hands to pydantic (wcplan.model.schema),
whose validation errors are the file's messages, as they always were; data pydantic accepts
is then built here from what it validated. A plainly valid file is one pydantic accepts, with
the same values: tests/test_plan_file.py checks both ways on the shipped files and on variants.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from enum import Enum
from typing import Any, ClassVar


class Doubt(Exception):
    """The data is not plainly valid: pydantic decides."""


class Invalid(Exception):
    """pydantic found the data invalid: `error` is its ValidationError, the file's messages."""

    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


REQUIRED = object()


def integer(value: Any) -> int:
    """A whole number (pydantic's StrictInt): an int, not a bool."""
    if type(value) is not int:
        raise Doubt
    return value


def finite(value: int | float) -> bool:
    """Whether a number is one a float holds: not .nan or .inf, and no integer of over 308
    digits, which math.isfinite() cannot convert (OverflowError) and no sum or ratio could use."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def number(value: Any) -> int | float:
    """A finite number, zero or more (wcplan.model.schema.Number): an int or a float."""
    if type(value) not in (int, float) or not finite(value) or value < 0:
        raise Doubt
    return value


def text(value: Any) -> str:
    if not isinstance(value, str) or isinstance(value, Enum):
        raise Doubt
    return value


def boolean(value: Any) -> bool:
    """pydantic's StrictBool."""
    if type(value) is not bool:
        raise Doubt
    return value


def date(value: Any) -> dt.date:
    if type(value) is not dt.date:
        raise Doubt
    return value


def optional(convert):
    return lambda value: None if value is None else convert(value)


def one_of(kind):
    """A member of an enumeration (or of a tuple of texts, for a Literal), given by its value."""
    values = (
        {str(member.value): member for member in kind} if isinstance(kind, type) else {v: v for v in kind}
    )

    def convert(value: Any):
        if not isinstance(value, str) or str(value) not in values:
            raise Doubt
        return values[str(value)]

    return convert


def list_of(convert, min_length: int = 0):
    def check(value: Any) -> list:
        if type(value) is not list or len(value) < min_length:
            raise Doubt
        return [convert(item) for item in value]

    return check


def dict_of(key, convert, min_length: int = 0):
    def check(value: Any) -> dict:
        if type(value) is not dict or len(value) < min_length:
            raise Doubt
        return {key(k): convert(v) for k, v in value.items()}

    return check


class Record:
    """A part of a plan or tasks file: no unknown field, immutable once read (a frozen dataclass).

    A subclass lists in FIELDS, for each field as the file names it, the dataclass field it fills,
    how its value is checked, and its default (REQUIRED: none).
    """

    FIELDS: ClassVar[dict[str, tuple[str, Any, Any]]]

    @classmethod
    def build(cls, data: Any):
        """The record of plainly valid data; Doubt otherwise."""
        if type(data) is not dict or not data.keys() <= cls.FIELDS.keys():
            raise Doubt
        values = {}
        for name, (attribute, convert, default) in cls.FIELDS.items():
            if name in data:
                values[attribute] = convert(data[name])
            elif default is REQUIRED:
                raise Doubt
            else:
                values[attribute] = default() if callable(default) else default
        return cls(**values)

    def model_dump(self, mode: str = "python") -> dict:
        """The fields as pydantic's model_dump gives them (`mode="json"`: dates, enumerations
        and keys as JSON writes them)."""
        return {f.name: _dump(getattr(self, f.name), mode) for f in dataclasses.fields(self)}


def _dump(value: Any, mode: str) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode)
    if isinstance(value, list):
        return [_dump(v, mode) for v in value]
    if isinstance(value, dict):
        return {(str(k) if mode == "json" else k): _dump(v, mode) for k, v in value.items()}
    if mode == "json" and isinstance(value, Enum):
        return value.value
    if mode == "json" and isinstance(value, dt.date):
        return value.isoformat()
    return value


def record(cls):
    """The class as a frozen dataclass, its fields compared as pydantic's models compare them."""
    return dataclasses.dataclass(frozen=True, eq=True)(cls)
