"""Control characters in text from input files: which characters they are, and how every output
shows them.

A control character is one that is not meant to be seen but acts on the text around it, or on the
terminal that prints it: the C0 controls (ESC starts the escape sequences that colour a terminal,
move its cursor or retitle its window), DEL, the C1 controls (U+009B is a one-character escape
sequence), and Unicode's format characters (general category Cf): the bidirectional overrides and
isolates U+202A–U+202E and U+2066–U+2069 that make a reader see characters in another order than
the file holds them, zero-width spaces and joiners, the soft hyphen and a byte-order mark inside
text. Lone surrogates (category Cs) count too: they cannot even be written as UTF-8.

Tab, carriage return and line feed (and the Unicode line and paragraph separators) are not
control characters here but line breaks and spacing, as spreadsheets write them inside a cell.

One convention everywhere a person reads the text (terminal, text, Markdown, HTML, Excel): a
control character is shown as ``<U+XXXX>`` (its code point, as `less` shows it), and every line
break or tab as one space, so that a value stays on its line and in its table cell. JSON keeps
the text exact and writes these characters as ``\\uXXXX`` escapes (wcplan.render.json).
"""

from __future__ import annotations

import re
import unicodedata

#: Categories of control characters: C0 and C1 controls and DEL (Cc), format characters (Cf),
#: lone surrogates (Cs).
CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
#: Line breaks and tab: whitespace, shown as one space (CR LF is one break).
_SPACING = re.compile("\r\n|[\t\n\r\u2028\u2029]")
_SPACING_CHARS = frozenset("\t\n\r\u2028\u2029")


def is_control(char: str) -> bool:
    """Whether one character is a control character (tab and line breaks are not)."""
    return char not in _SPACING_CHARS and unicodedata.category(char) in CATEGORIES


def code(char: str) -> str:
    """A character's code point: 'U+001B', 'U+202E', 'U+E0001'."""
    return f"U+{ord(char):04X}"


def controls(text: str) -> list[tuple[int, str]]:
    """Where `text` holds control characters: (position from 0, character), in order."""
    if text.isprintable():  # the common case, decided in C: no control, break or unusual space
        return []
    return [(i, ch) for i, ch in enumerate(text) if is_control(ch)]


def visible(text: str) -> str:
    """`text` as every output shows it: each control character as <U+XXXX>, each line break
    or tab as one space; any other text unchanged (so applying it twice changes nothing)."""
    if text.isprintable():
        return text
    text = _SPACING.sub(" ", text)
    return "".join(f"<{code(ch)}>" if is_control(ch) else ch for ch in text)
