"""The cells of a large plain CSV file, column by column, with numpy alone (no pandas: importing it
costs more than all the rest of reading a million rows; benchmarks/validate_large.py).

A plain file is one whose every line is one record of the header's width: no quote, no line
break but CRLF or LF, no C0 control character but tab, and as many commas on every line. There,
a record's cells are the bytes between its commas, exactly as csv.reader reads them, and a
record's line is its position; so the cells of a column are found from where the commas and
line breaks are, without making a Python string per cell. Each column is numbered by its
distinct texts (`factorize`), and only the distinct texts are decoded.

This module imports numpy; it is itself imported only for a large file (wcplan.reading.columns).
"""

from __future__ import annotations

import numpy as np

from wcplan.base.controls import controls

#: MASKS[k]: the low k bytes of a little-endian 8-byte word (k = 0..8).
MASKS = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
#: Mixes the 8-byte words of a cell longer than 8 bytes into one key (FNV's 64-bit prime); keys
#: that are equal for different texts are found and then told apart the slow way (`exactly`).
MIX = np.uint64(0x100000001B3)


def read_cells(
    data: bytes | memoryview, width: int, used: list[int]
) -> dict[int, tuple[np.ndarray, list[str]]] | None:
    """The data cells (every line after the first) of the columns `used` of `data`, a CSV file as
    UTF-8 whose header has `width` cells: each column as (each row's code, the distinct texts the
    codes index, in the order they first appear). None when the file is not plain, a row has
    nothing in these columns (reading row by row skips it if it has nothing at all), or a cell
    holds a control character: such files are read row by row."""
    size = len(data)
    padded = b"".join((data, bytes(8)))  # so that 8 bytes can be read from every place
    raw = np.frombuffer(padded, np.uint8, count=size)
    ends = separators(raw, width)
    if ends is None:
        return None
    # an 8-byte word at every byte offset (unaligned), so that a cell's first 8 bytes are one read
    words = np.ndarray((size + 1,), dtype="<u8", buffer=padded, strides=(1,))
    cells = {}
    blank = None
    for index in used:
        # a cell starts after the comma or line break before it, and stops at the one after it
        start = (ends[1:, index - 1] if index else ends[:-1, -1]) + 1
        stop = ends[1:, index]
        if index == width - 1:
            stop = stop - (raw[stop - 1] == ord("\r"))  # the CR of a CRLF
        codes, first = factorize_cells(padded, words, start, stop)
        places = zip(start[first].tolist(), stop[first].tolist(), strict=True)
        texts = [padded[a:b].decode("utf-8") for a, b in places]
        if any(controls(t) for t in texts):
            return None  # control characters are found cell by cell, row by row
        empty = np.array([not t.strip() for t in texts], dtype=bool)[codes]
        blank = empty if blank is None else blank & empty
        cells[index] = (codes, texts)
    return None if blank is None or blank.any() else cells


def separators(raw: np.ndarray, width: int) -> np.ndarray | None:
    """Where each cell of `raw` (the bytes of a file) ends, when every line is one record of `width`
    cells: the place of the comma or line break after it (or the end of `raw`), as lines × `width`;
    None when the file is not plain."""
    # every comma, quote, line break and other C0 control character, and a few more (space, %, ...)
    special = np.flatnonzero(raw <= ord(","))
    kinds = raw[special]
    if width < 2 or not len(raw) or (kinds == ord('"')).any():
        return None
    spacing = (kinds == ord("\t")) | (kinds == ord("\n")) | (kinds == ord("\r"))
    if np.count_nonzero(kinds < 0x20) != np.count_nonzero(spacing):
        return None
    returns = special[kinds == ord("\r")] + 1  # each must be followed by a line feed
    if len(returns) and (returns[-1] == len(raw) or (raw[returns] != ord("\n")).any()):
        return None
    ends = (kinds == ord(",")) | (kinds == ord("\n"))
    kinds, ends = kinds[ends], special[ends]
    if raw[-1] != ord("\n"):
        kinds, ends = np.append(kinds, ord("\n")), np.append(ends, len(raw))
    if len(ends) % width or len(ends) < 2 * width:
        return None
    kinds, ends = kinds.reshape(-1, width), ends.reshape(-1, width)
    if not ((kinds[:, :-1] == ord(",")).all() and (kinds[:, -1] == ord("\n")).all()):
        return None
    return ends


def factorize_cells(data: bytes, words: np.ndarray, start: np.ndarray, stop: np.ndarray):
    """(each cell's number among the distinct texts of a column, the row where each distinct text
    is first met): the cells are data[start:stop], and `words` the 8-byte words of `data`."""
    length = stop - start
    # a cell of up to 8 bytes is its own key: it holds no NUL byte, so the zeros after it are no text
    head = word(words, start, length, 0)
    if length.max() <= 8:
        return factorize(head)
    key = head.copy()
    for offset, at in reaching(length, 8):
        key[at] = (key[at] * MIX) ^ word(words, start[at], length[at], offset)
    codes, first = factorize(key)
    # the key of a longer cell may be another text's too: so rare that it is told apart the slow way
    theirs = first[codes]
    if not ((length == length[theirs]).all() and (head == head[theirs]).all()):
        return exactly(data, start, stop)
    other = start[theirs]
    for offset, at in reaching(length, 8):
        size = length[at]
        if (word(words, start[at], size, offset) != word(words, other[at], size, offset)).any():
            return exactly(data, start, stop)
    return codes, first


def word(words: np.ndarray, start: np.ndarray, length: np.ndarray, offset: int) -> np.ndarray:
    """Bytes `offset` to `offset + 8` of the cells that start at `start` and are `length` bytes
    long, as little-endian words: zeros past a cell's end (`offset` is less than every length)."""
    if offset:
        start, length = start + offset, length - offset
    return words[start] & MASKS[np.minimum(length, 8)]


def reaching(length: np.ndarray, offset: int):
    """(offset, the cells longer than it) for `offset` and every 8 bytes further while any cell is:
    all the cells as a slice, else by their places."""
    at: slice | np.ndarray = slice(None)
    while True:
        if isinstance(at, slice):
            reach = length > offset
            if not reach.all():
                at = np.flatnonzero(reach)
        else:
            at = at[length[at] > offset]
        if isinstance(at, np.ndarray) and not len(at):
            return
        yield offset, at
        offset += 8


def exactly(data: bytes, start: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`factorize_cells` by the cells' bytes themselves, one Python object per cell."""
    numbers: dict[bytes, int] = {}
    first = []
    codes = []
    for row, (a, b) in enumerate(zip(start.tolist(), stop.tolist(), strict=True)):
        cell = data[a:b]
        number = numbers.get(cell)
        if number is None:
            number = numbers[cell] = len(numbers)
            first.append(row)
        codes.append(number)
    return np.array(codes, dtype=np.int64), np.array(first, dtype=np.int64)


def factorize(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(each key's number among the distinct keys, numbered in the order they first appear; the
    position where each distinct key is first met, in that order). Keys within a span of a few
    times their count are counted in a table as long as that span; others are sorted first."""
    n = len(keys)
    if not n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    keys = keys.view(np.int64) if keys.dtype == np.uint64 else keys.astype(np.int64, copy=False)
    low, high = keys.min(), keys.max()
    if int(high) - int(low) < 4 * n:
        slot, size = keys - low, int(high) - int(low) + 1
    else:
        distinct, slot = np.unique(keys, return_inverse=True)
        slot, size = slot.reshape(-1), len(distinct)
    first = np.full(size, n, dtype=np.int64)
    # the first place of each key: fast from NumPy 1.25 on (before, ufunc.at took ~0.1 s a million)
    np.minimum.at(first, slot, np.arange(n, dtype=np.int64))
    met = np.flatnonzero(first < n)
    order = met[np.argsort(first[met])]
    number = np.empty(size, dtype=np.int64)
    number[order] = np.arange(len(order), dtype=np.int64)
    return number[slot], first[order]


def distinct_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(each row's index among the distinct keys, the distinct keys in the order they first
    appear)."""
    codes, first = factorize(keys)
    return codes, keys[first]
