"""Plain records: results as dicts of text, numbers, lists and None, as JSON prints them and as a
pandas DataFrame holds them.

pandas is imported only when a frame is made (`frame`), so that no command pays for it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas


def clean(value: Any) -> Any:
    """Numbers as JSON numbers without float noise (-0.8999999999999986 -> -0.9); whole floats as ints;
    a number that is not finite as None; tuples as lists."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = round(value, 10)
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    return value


def frame(records: list[dict], columns: list[str] | None = None) -> pandas.DataFrame:
    """The records as a pandas DataFrame, one row each (`columns`: their order, and the columns of
    a frame without rows)."""
    import pandas

    return pandas.DataFrame.from_records(records, columns=columns)
