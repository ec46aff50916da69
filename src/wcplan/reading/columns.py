"""Reading a large CSV file of actuals column by column: the cells of each column are numbered by
their distinct texts (wcplan.reading.cells), each distinct text (or pair of texts) of a column is
checked once by the row checker's own functions (wcplan.reading.rowcheck), the figures are merged
by the merger's own rule (wcplan.reading.merging), and numpy spreads the outcomes over the rows.
The findings are those of reading row by row, with the same lines, columns and sentences; they
are handed over as one Batch, whose sentences are made only for the findings shown
(tests/test_columns.py compares both readings, finding by finding).

Only a plain file is read this way: every record one line of the header's width, no quote, no
control character, no blank row. There, a record's cells are exactly csv.reader's, and a
record's line is its position. Any other file is read row by row.

This module imports numpy (not pandas); it is itself imported only for a large file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import numpy as np

from wcplan.base.findings import Batch, Finding, Severity
from wcplan.model.records import ILLUSTRATIVE, Actual
from wcplan.reading.cells import distinct_keys, read_cells
from wcplan.reading.merging import ActualsMerger, repeated
from wcplan.reading.rowcheck import RowChecker, not_a_number, not_filled, not_responsible, source_missing
from wcplan.reading.table import Reporter

#: The kinds of finding of a row, in the order RowChecker.check makes them; all but REPEAT are
#: rows of a table of problems (code, column, sentence, severity), each made once.
INDICATOR, PERIOD, VALUE, NOT_NUMBER, SOURCE, REPORTER, REPEAT = range(7)


def read_columns(
    data: bytes | memoryview,
    width: int,
    columns: dict[str, int],
    layout: list[int | None],
    checker: RowChecker,
    merger: ActualsMerger,
    report: Reporter,
) -> tuple[int, int] | None:
    """Check the data rows of `data`, a CSV file as UTF-8 whose header (line 1) has `width` cells, as
    RowChecker.check does row after row: (rows read, rows not filled in yet); None, having done
    nothing, when the file is not plain."""
    cells = read_cells(data, width, sorted(i for i in layout if i is not None))
    if cells is None:
        return None
    reader = Columns(cells, columns, layout, checker, merger, report)
    return reader.rows, reader.check()


class Columns:
    """The checks of RowChecker.check over all the rows of a file at once."""

    def __init__(self, cells, columns, layout, checker: RowChecker, merger: ActualsMerger, report: Reporter):
        self.rows = len(next(iter(cells.values()))[0])
        self.columns, self.checker, self.merger, self.report = columns, checker, merger, report
        empty = (np.zeros(self.rows, dtype=np.int64), [""])
        #: Each checked column (RowChecker's layout) as (codes, distinct stripped texts).
        self.fields = [
            empty if index is None else (cells[index][0], [t.strip() for t in cells[index][1]])
            for index in layout
        ]
        #: (code, column, sentence, severity) of each distinct problem; the rows of each kind.
        self.problems: list[tuple[str, int, str, Severity]] = []
        self.found: list[tuple[int, np.ndarray, np.ndarray]] = []  # (kind, rows, problem or repeat)

    def check(self) -> int:
        """Check every row; how many are not filled in yet."""
        ids, names, years, periods, values, units, sources, notes, reporters = self.fields
        indicators, ind = self.distinct(ids, names, self.checker.indicator, INDICATOR)
        spans, per = self.distinct(years, periods, self.checker.period, PERIOD)
        has = ind >= 0
        unfilled = ~(filled(values) | filled(sources) | filled(notes))
        for row in np.flatnonzero(unfilled).tolist():
            self.report("value-not-filled", not_filled(), row + 2, self.columns["value"] + 1, Severity.NOTE)

        # The value, for its indicator and unit; without an indicator, only whether it is a number
        # (and that it is given, when it is not).
        checked = ~unfilled & (has | ~filled(values))
        rows = np.flatnonzero(checked)
        shape = (len(values[1]), len(indicators) + 1, len(units[1]))
        key = np.ravel_multi_index((values[0][rows], ind[rows] + 1, units[0][rows]), shape)
        inverse, keys = distinct_keys(key)
        figures, problems, conversions = [], {}, {}
        check = self.checker.value
        for k, (t, n, g) in enumerate(
            zip(*(part.tolist() for part in np.unravel_index(keys, shape)), strict=True)
        ):
            figure, problem, conversion = check(values[1][t], indicators[n - 1] if n else None, units[1][g])
            figures.append(np.nan if figure is None else figure)
            if problem is not None:
                problems[k] = problem
            if conversion is not None:
                conversions[k] = (conversion, units[1][g], indicators[n - 1].unit)
        value = np.full(self.rows, np.nan)
        value[rows] = np.array(figures, dtype=float)[inverse]
        problem = np.full(len(keys), -1, dtype=np.int64)
        problem[list(problems)] = self.table(problems.values())
        self.add(VALUE, rows, problem[inverse])
        self.notes(rows, inverse, conversions)
        rows = np.flatnonzero(~unfilled & ~checked)
        inverse, texts = distinct_keys(values[0][rows])
        self.add(NOT_NUMBER, rows, self.table([not_a_number(values[1][t]) for t in texts.tolist()])[inverse])

        if "source" in self.columns:
            rows = np.flatnonzero(~filled(sources) & ~unfilled)
            problem = self.table([("source-missing", "source", source_missing())], Severity.WARNING)
            self.add(SOURCE, rows, problem[np.zeros(len(rows), dtype=np.int64)])

        # The reporter, where there is an indicator.
        rows = np.flatnonzero(has & filled(reporters))
        inverse, pairs = distinct_keys(ind[rows] * len(reporters[1]) + reporters[0][rows])
        wrong = []
        for pair in pairs.tolist():
            indicator, reporter = (
                indicators[pair // len(reporters[1])],
                reporters[1][pair % len(reporters[1])],
            )
            if reporter in indicator.units():
                wrong.append(None)
            else:
                wrong.append(("reporter-not-responsible", "reporter", not_responsible(reporter, indicator)))
        problem = self.table(wrong)[inverse]
        self.add(REPORTER, rows, problem)
        refused = np.zeros(self.rows, dtype=bool)
        refused[rows[problem >= 0]] = True

        ok = has & (per >= 0) & ~np.isnan(value) & ~refused
        ids_of = np.array([i.id for i in indicators] or [0], dtype=np.int64)
        self.merge(
            np.flatnonzero(ok), ids_of[np.maximum(ind, 0)], per, spans, value, sources, notes, reporters
        )
        self.hand_over()
        return int(unfilled.sum())

    def distinct(self, first, second, parse, kind) -> tuple[list, np.ndarray]:
        """Parse each distinct pair of texts of two columns once: the results that are not None, and
        each row's index among them (-1: none); each row's problem is found."""
        shape = (len(first[1]), len(second[1]))
        inverse, pairs = distinct_keys(np.ravel_multi_index((first[0], second[0]), shape))
        outcomes = [
            parse(first[1][a], second[1][b], self.columns)
            for a, b in zip(*np.unravel_index(pairs, shape), strict=True)
        ]
        results = [result for result, _problem in outcomes if result is not None]
        position, count = [], 0
        for result, _problem in outcomes:
            position.append(-1 if result is None else count)
            count += result is not None
        self.add(kind, np.arange(self.rows), self.table([p for _r, p in outcomes])[inverse])
        return results, np.array(position, dtype=np.int64)[inverse]

    def table(self, problems, severity=Severity.ERROR) -> np.ndarray:
        """The index of each problem (code, column name, sentence) in the table of problems; -1 for None."""
        out = []
        for problem in problems:
            if problem is None:
                out.append(-1)
            else:
                out.append(len(self.problems))
                code, column, sentence = problem
                self.problems.append((code, self.columns[column] + 1, sentence, severity))
        return np.array(out, dtype=np.int64)

    def add(self, kind: int, rows: np.ndarray, problem: np.ndarray) -> None:
        found = problem >= 0
        self.found.append((kind, rows[found], problem[found]))

    def notes(self, rows, inverse, conversions: dict[int, tuple[str, str, str]]) -> None:
        """The note of a unit converted, at the first row that converts it to an indicator's unit;
        once per file, unit and indicator unit, as RowChecker.check gives it (`conversions`: the
        note, the unit given and the indicator's, by value key)."""
        if not conversions:
            return
        converts = np.zeros(inverse.max() + 1, dtype=bool)
        converts[list(conversions)] = True
        at = converts[inverse]
        first: dict[tuple[str, str], tuple[int, str]] = {}
        for row, k in zip(rows[at].tolist(), inverse[at].tolist(), strict=True):
            note, given, unit = conversions[k]
            first.setdefault((given, unit), (row, note))
        for (given, unit), (row, note) in sorted(first.items(), key=lambda item: item[1][0]):
            if (self.report.name, given, unit) not in self.checker._converted:
                self.checker._converted.add((self.report.name, given, unit))
                self.report("unit-converted", note, row + 2, self.columns["unit"] + 1, Severity.NOTE)

    def merge(self, rows, ids, per, spans, value, sources, notes, reporters) -> None:
        """ActualsMerger's rule over the rows that passed every check (`rows`): the first figure
        of an indicator and months is kept, every later one is a repeat of it."""
        merger = self.merger
        months: dict[tuple[int, int], int] = {}
        span = np.array([months.setdefault((p.year, p.months), len(months)) for p in spans] or [0])
        key = ids[rows] * max(len(months), 1) + span[per[rows]]
        inverse, keys = distinct_keys(key)
        # keys are numbered in the order they first appear: a row is a key's first where its
        # number is above every number before it
        seen = np.maximum.accumulate(np.concatenate(([-1], inverse[:-1]))) if len(inverse) else inverse
        first = np.flatnonzero(inverse > seen)
        by_months = list(months)
        found = [
            (ident, *by_months[c]) for ident, c in (divmod(k, max(len(months), 1)) for k in keys.tolist())
        ]
        repeat = np.ones(len(rows), dtype=bool)
        for k in range(len(keys)):  # new records in the order of their rows
            if found[k] not in merger.first:
                row = rows[first[k]].item()
                self.keep(
                    row, ids[row].item(), spans[per[row].item()], value[row].item(), sources, notes, reporters
                )
                repeat[first[k]] = False
        earlier = [merger.first[f] for f in found]
        labels = [merger.labels[f] for f in found]
        at, key = rows[repeat], inverse[repeat]
        given = value[at]
        before = np.array([e.value for e in earlier] or [0.0])[key]
        # math.isclose(before, given, rel_tol=1e-12), as ActualsMerger's same_value asks, in numpy
        difference = np.abs(given - before)
        same = (
            (before == given) | (difference <= np.abs(1e-12 * given)) | (difference <= np.abs(1e-12 * before))
        )
        for k in np.unique(key[~same]).tolist():
            merger.conflicted.add((earlier[k].indicator, earlier[k].year, earlier[k].months))
        self.repeats = Repeats(at, key, same, earlier, labels, value, per, spans)
        self.found.append((REPEAT, at, np.arange(len(at), dtype=np.int64)))

    def keep(self, row: int, ident: int, period, value: float, sources, notes, reporters) -> None:
        """The record of a figure given first, as RowChecker.check makes it."""
        source = sources[1][sources[0][row]]
        note, reporter = notes[1][notes[0][row]], reporters[1][reporters[0][row]]
        record = Actual(
            indicator=ident,
            year=period.year,
            value=value,
            source=source or None,
            note=note or None,
            illustrative=source.casefold() == ILLUSTRATIVE,
            file=self.report.name,
            line=row + 2,
            period=None if period.whole_year else period.label,
            months=period.months,
            reporter=reporter or None,
        )
        self.merger.add(record, period.label)

    def hand_over(self) -> None:
        """The findings, ordered by row, column and kind, as one batch of the report's file."""
        kinds = np.concatenate([np.full(len(rows), kind, dtype=np.int64) for kind, rows, _p in self.found])
        rows = np.concatenate([rows for _k, rows, _p in self.found])
        refs = np.concatenate([problem for _k, _r, problem in self.found])
        repeat = kinds == REPEAT
        at = np.array([column for _code, column, _s, _sev in self.problems] or [0], dtype=np.int64)
        column = np.where(repeat, 0, at[np.where(repeat, 0, refs)])
        order = np.lexsort((kinds, column, rows))
        batch = ColumnFindings(
            self.report.name, rows[order], kinds[order], refs[order], self.problems, self.repeats
        )
        if len(batch):
            self.report.findings.append(batch)
            self.report.codes.update(code for code, _severity in batch.counts())


def filled(field) -> np.ndarray:
    """Which rows have text in a column (codes, distinct stripped texts)."""
    codes, texts = field
    return np.array([bool(t) for t in texts], dtype=bool)[codes]


class Repeats:
    """What the findings of figures given again are made of, one entry per repeat."""

    def __init__(self, rows, key, same, earlier, labels, value, per, spans):
        self.rows, self.key, self.same = rows, key, same
        self.earlier, self.labels, self.value, self.per, self.spans = earlier, labels, value, per, spans

    def finding(self, index: int, file: str) -> Finding:
        row, k = self.rows[index].item(), self.key[index].item()
        earlier = self.earlier[k]
        label = self.spans[self.per[row].item()].label
        same = bool(self.same[index])
        return repeated(
            earlier.indicator, label, self.value[row].item(), file, row + 2, earlier, self.labels[k], same
        )


class ColumnFindings(Batch):
    """The findings of a file read column by column: made one by one when looked at."""

    def __init__(self, file: str, rows, kinds, refs, problems, repeats: Repeats):
        self.file, self.rows, self.kinds, self.refs = file, rows, kinds, refs
        self.problems, self.repeats = problems, repeats

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Finding]:
        for start in range(0, len(self.rows), 4096):  # a few at a time: most readers stop early
            part = slice(start, start + 4096)
            for row, kind, ref in zip(
                self.rows[part].tolist(), self.kinds[part].tolist(), self.refs[part].tolist(), strict=True
            ):
                if kind == REPEAT:
                    yield self.repeats.finding(ref, self.file)
                else:
                    code, column, sentence, severity = self.problems[ref]
                    yield Finding(code, sentence, self.file, row + 2, column, severity)

    def counts(self) -> Counter[tuple[str, Severity]]:
        repeat = self.kinds == REPEAT
        counts: Counter[tuple[str, Severity]] = Counter()
        per_problem = np.bincount(self.refs[~repeat], minlength=len(self.problems)).tolist()
        for (code, _column, _sentence, severity), n in zip(self.problems, per_problem, strict=True):
            if n:
                counts[(code, severity)] += n
        same = int(self.repeats.same.sum())
        if same:
            counts[("duplicate-row", Severity.WARNING)] += same
        if len(self.repeats.same) - same:
            counts[("conflicting-values", Severity.ERROR)] += len(self.repeats.same) - same
        return counts
