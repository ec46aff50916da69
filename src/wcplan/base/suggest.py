"""Names as people type them: compared without case, spaces or full-width forms, and the closest
known names for one that is not known ("did you mean").

Pure functions of the standard library: the trend command finds an indicator with them, the
filters name the units and categories they mean, and the validator suggests the indicator or
the column a misspelt cell meant.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable


def key(name: str) -> str:
    """A name as it is compared: NFKC (full-width forms as ASCII), no whitespace, any case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


def containing(text: str, names: Iterable[str]) -> list[str]:
    """The names that contain `text` (compared by `key`), in their order."""
    wanted = key(text)
    return [n for n in dict.fromkeys(names) if wanted and wanted in key(n)] if wanted else []


def closest(text: str, names: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` names most like `text`, the likest first: a one-character slip in a Chinese name
    (工业总产直) or a letter missing from an English one (indicatr). None when nothing is close."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(key(name), name)
    wanted = key(text)
    if not wanted:
        return []
    return [by_key[k] for k in difflib.get_close_matches(wanted, list(by_key), n=n, cutoff=cutoff)]
