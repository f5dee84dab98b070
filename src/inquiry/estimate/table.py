"""Overlap tables: which lists saw how many people, read from a CSV or built from linked clusters.

A table has one 0/1 column per list and a count per capture pattern. The all-zero pattern (seen
by no list) is what we estimate, so it may never appear. Row numbers in errors are line
numbers in the file (the header is line 1).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from inquiry.errors import InvalidInput

__all__ = ["OverlapTable", "read_overlap_table", "table_from_clusters", "COUNT_COLUMNS", "MAX_LISTS"]

COUNT_COLUMNS = ("freq", "count", "n")
MAX_LISTS = 20


@dataclass(frozen=True)
class OverlapTable:
    """Capture patterns (m x J, 0/1), their counts (m,), and optionally a stratum per row.

    Patterns are unique within a stratum; ``strata`` is ``None`` for an unstratified table.
    """

    lists: tuple[str, ...]
    patterns: np.ndarray
    counts: np.ndarray
    strata: tuple[str, ...] | None = None

    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def n_observed(self) -> int:
        return int(self.counts.sum())

    def stratum_names(self) -> list[str]:
        if self.strata is None:
            return []
        return list(dict.fromkeys(self.strata))

    def by_stratum(self) -> dict[str, OverlapTable]:
        """One unstratified table per stratum, in order of first appearance."""
        if self.strata is None:
            return {"": self}
        labels = np.array(self.strata, dtype=object)
        out = {}
        for name in self.stratum_names():
            keep = labels == name
            out[name] = _merge(self.lists, self.patterns[keep], self.counts[keep], None)
        return out

    def collapsed(self) -> OverlapTable:
        """The table summed over strata."""
        return _merge(self.lists, self.patterns, self.counts, None)

    def cell_counts(self) -> np.ndarray:
        """Counts for all 2^J - 1 observable patterns, zeros included, indexed by code - 1.

        The code of a pattern is sum(pattern[j] * 2**j): list j is bit j.
        """
        cells = np.zeros(2**self.n_lists - 1, dtype=np.int64)
        codes = self.patterns.astype(np.int64) @ (1 << np.arange(self.n_lists, dtype=np.int64))
        np.add.at(cells, codes - 1, self.counts)
        return cells

    def __post_init__(self) -> None:
        _check_arrays(self.lists, self.patterns, self.counts)


def _check_arrays(lists: Sequence[str], patterns: np.ndarray, counts: np.ndarray) -> None:
    if len(lists) < 2:
        raise InvalidInput("An overlap table needs at least two lists; it has {n}.", field="lists", n=len(lists))
    if len(lists) > MAX_LISTS:
        raise InvalidInput("An overlap table can have at most {max} lists; it has {n}.", field="lists",
                           max=MAX_LISTS, n=len(lists))
    if len(set(lists)) != len(lists):
        raise InvalidInput("Two lists have the same name.", field="lists")
    if patterns.ndim != 2 or patterns.shape[1] != len(lists) or counts.shape != (patterns.shape[0],):
        raise InvalidInput("The patterns and counts do not have matching shapes.", field="patterns")
    if patterns.size and not np.isin(patterns, (0, 1)).all():
        raise InvalidInput("Capture patterns must contain only 0 and 1.", field="patterns")
    if (counts < 0).any():
        raise InvalidInput("Counts cannot be negative.", field="count")


def _merge(lists: Sequence[str], patterns: np.ndarray, counts: np.ndarray,
           strata: Sequence[str] | None) -> OverlapTable:
    """Sum repeated patterns (within a stratum) and drop zero-count rows; keep first-seen order."""
    totals: dict[tuple, int] = {}
    for i, row in enumerate(patterns):
        key = (strata[i] if strata is not None else None, *(int(v) for v in row))
        totals[key] = totals.get(key, 0) + int(counts[i])
    keys = [k for k, c in totals.items() if c > 0]
    pats = np.array([k[1:] for k in keys], dtype=np.int8).reshape(len(keys), len(lists))
    cnts = np.array([totals[k] for k in keys], dtype=np.int64)
    labels = tuple(str(k[0]) for k in keys) if strata is not None else None
    return OverlapTable(tuple(lists), pats, cnts, labels)


def table_from_arrays(patterns: np.ndarray | Sequence[Sequence[int]], counts: np.ndarray | Sequence[int], *,
                      lists: Sequence[str] | None = None) -> OverlapTable:
    """Validate raw arrays (as the estimators take them) into a table; lists default to L1..LJ."""
    pats = np.asarray(patterns)
    cnts = np.asarray(counts)
    if pats.ndim != 2:
        raise InvalidInput("Patterns must be a two-dimensional 0/1 array.", field="patterns")
    if cnts.shape != (pats.shape[0],):
        raise InvalidInput("There must be one count per pattern.", field="count")
    if not np.issubdtype(cnts.dtype, np.number) or not np.all(np.isfinite(cnts)) or not np.all(cnts == np.round(cnts)):
        raise InvalidInput("Counts must be whole numbers.", field="count")
    names = tuple(lists) if lists is not None else tuple(f"L{j + 1}" for j in range(pats.shape[1]))
    _check_arrays(names, pats, cnts)
    if pats.size and (pats.sum(axis=1) == 0).any():
        row = int(np.flatnonzero(pats.sum(axis=1) == 0)[0])
        raise InvalidInput("Pattern {row} is all zeros: people seen by no list cannot be counted.",
                           field="patterns", row=row + 1)
    table = _merge(names, pats.astype(np.int8), cnts.astype(np.int64), None)
    _check_usable(table)
    return table


def _check_usable(table: OverlapTable, *, where: str = "") -> None:
    if table.n_observed == 0:
        raise InvalidInput("The table{where} has no records (all counts are zero).", field="count", where=where)
    seen = table.patterns.T.astype(np.int64) @ table.counts
    for j, name in enumerate(table.lists):
        if seen[j] == 0:
            raise InvalidInput("List {name}{where} has no records; drop the column or check the data.",
                               field=name, name=name, where=where)


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise InvalidInput("The file {source} is empty.", field="file", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput("The file {source} is not UTF-8 text (bad byte at position {pos}); save it as UTF-8 CSV.",
                           field="file", source=source, pos=exc.start) from None


def _parse_count(text: str, *, row: int, column: str) -> int:
    value = text.strip()
    try:
        number = float(value)
    except ValueError:
        raise InvalidInput("The count {value!r} is not a number.", field=column, row=row, value=value) from None
    if not np.isfinite(number) or number != int(number):
        raise InvalidInput("The count {value!r} is not a whole number.", field=column, row=row, value=value)
    if number < 0:
        raise InvalidInput("The count {value} is negative.", field=column, row=row, value=value)
    return int(number)


def read_overlap_table(source: str | os.PathLike[str] | bytes | io.IOBase, *, strata: str | None = None,
                       count_column: str | None = None) -> OverlapTable:
    """Read an overlap table from a CSV path, raw bytes or a binary/text file object.

    Every column except the count column (``Freq``/``count``/``freq``/``n`` unless named) and the
    strata column is a list, with 0/1 values. Repeated patterns are summed.
    """
    name = "table"
    if isinstance(source, bytes):
        text = _decode(source, name)
    elif isinstance(source, io.TextIOBase):
        text = source.read()
        if not text.strip():
            raise InvalidInput("The file {source} is empty.", field="file", source=name)
    elif isinstance(source, io.IOBase):
        text = _decode(source.read(), name)
    else:
        path = Path(source)
        name = path.name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InvalidInput("The file {source} does not exist.", field="file", source=str(path)) from None
        except IsADirectoryError:
            raise InvalidInput("{source} is a directory, not a CSV file.", field="file", source=str(path)) from None
        text = _decode(data, name)
    return _parse_csv(text, strata=strata, count_column=count_column)


def _sniff_delimiter(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    for delim in (",", ";", "\t"):
        if delim in first:
            return delim
    return ","


def _parse_csv(text: str, *, strata: str | None, count_column: str | None) -> OverlapTable:
    reader = csv.reader(io.StringIO(text), delimiter=_sniff_delimiter(text))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise InvalidInput("The file has no header row.", field="file") from None
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise InvalidInput("The column {column} appears twice in the header.", field=dup, row=1, column=dup)
    if count_column is not None:
        if count_column not in header:
            raise InvalidInput("There is no count column named {column}.", field=count_column, row=1,
                               column=count_column)
        count_idx = header.index(count_column)
    else:
        hits = [i for i, h in enumerate(header) if h.lower() in COUNT_COLUMNS]
        if not hits:
            raise InvalidInput("The header has no count column; name it Freq, count, freq or n.", field="count",
                               row=1)
        if len(hits) > 1:
            raise InvalidInput("The header has several count columns ({columns}); keep one.", field="count",
                               row=1, columns=", ".join(header[i] for i in hits))
        count_idx = hits[0]
    strata_idx = None
    if strata is not None:
        if strata not in header:
            raise InvalidInput("There is no strata column named {column}; the columns are {columns}.", field=strata,
                               row=1, column=strata, columns=", ".join(header))
        strata_idx = header.index(strata)
    list_idx = [i for i in range(len(header)) if i not in (count_idx, strata_idx)]
    lists = [header[i] for i in list_idx]
    for i in list_idx:
        if not header[i]:
            raise InvalidInput("Column {col} has an empty name.", field="header", row=1, col=i + 1)
    if len(lists) < 2:
        raise InvalidInput("The table needs at least two list columns; it has {n} ({columns}).", field="lists",
                           row=1, n=len(lists), columns=", ".join(lists) or "none")
    if len(lists) > MAX_LISTS:
        raise InvalidInput("The table can have at most {max} lists; it has {n}.", field="lists", row=1,
                           max=MAX_LISTS, n=len(lists))

    patterns: list[list[int]] = []
    counts: list[int] = []
    labels: list[str] = []
    line = 1
    for record in reader:
        line = reader.line_num
        if not record or all(not cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise InvalidInput("The row has {got} fields but the header has {want}.", field="row", row=line,
                               got=len(record), want=len(header))
        pattern = []
        for i in list_idx:
            value = record[i].strip()
            if value not in ("0", "1"):
                if strata is None and not value.lstrip("-").replace(".", "", 1).isdigit():
                    raise InvalidInput("List column {column} must be 0 or 1, not {value!r}; if {column} names "
                                       "strata, pass it as the strata column.", field=header[i], row=line,
                                       column=header[i], value=value)
                raise InvalidInput("List column {column} must be 0 or 1, not {value!r}.", field=header[i], row=line,
                                   column=header[i], value=value)
            pattern.append(int(value))
        count = _parse_count(record[count_idx], row=line, column=header[count_idx])
        if not any(pattern):
            raise InvalidInput("The pattern is all zeros: people seen by no list cannot be counted; remove the row.",
                               field="row", row=line)
        if strata_idx is not None:
            label = record[strata_idx].strip()
            if not label:
                raise InvalidInput("The stratum is empty.", field=header[strata_idx], row=line)
            labels.append(label)
        patterns.append(pattern)
        counts.append(count)
    if not patterns:
        raise InvalidInput("The file has a header but no data rows.", field="file")
    table = _merge(lists, np.array(patterns, dtype=np.int8), np.array(counts, dtype=np.int64),
                   labels if strata_idx is not None else None)
    _check_usable(table)
    if table.strata is not None:
        for label, part in table.by_stratum().items():
            _check_usable(part, where=f" (stratum {label})")
    return table


def table_from_clusters(memberships: Iterable[tuple], *, lists: Sequence[str] | None = None) -> OverlapTable:
    """Build a table from linked records: ``(cluster_id, list_name)`` or ``(cluster_id, list_name, stratum)``.

    Each cluster is one person; the lists it appears on make its capture pattern. A cluster seen
    twice on the same list counts once. ``lists`` fixes the column order (default: first seen).
    """
    seen_on: dict[object, set[str]] = {}
    stratum_of: dict[object, str] = {}
    order: list[str] = list(lists) if lists is not None else []
    has_strata: bool | None = None
    for i, item in enumerate(memberships, start=1):
        if not isinstance(item, tuple | list) or len(item) not in (2, 3):
            raise InvalidInput("Membership {row} must be (cluster_id, list_name) or (cluster_id, list_name, stratum).",
                               field="membership", row=i)
        cluster, list_name = item[0], str(item[1])
        with_stratum = len(item) == 3
        if has_strata is None:
            has_strata = with_stratum
        elif has_strata != with_stratum:
            raise InvalidInput("Membership {row} mixes rows with and without a stratum.", field="stratum", row=i)
        if lists is not None and list_name not in order:
            raise InvalidInput("Membership {row} names list {name}, which is not among the given lists.",
                               field="list", row=i, name=list_name)
        if list_name not in order:
            order.append(list_name)
        seen_on.setdefault(cluster, set()).add(list_name)
        if with_stratum:
            label = str(item[2])
            if stratum_of.setdefault(cluster, label) != label:
                raise InvalidInput("Cluster {cluster} is in two strata ({a} and {b}).", field="stratum", row=i,
                                   cluster=cluster, a=stratum_of[cluster], b=label)
    if not seen_on:
        raise InvalidInput("There are no linked records.", field="membership")
    index = {name: j for j, name in enumerate(order)}
    pats = np.zeros((len(seen_on), len(order)), dtype=np.int8)
    for r, names in enumerate(seen_on.values()):
        pats[r, [index[n] for n in names]] = 1
    labels = [stratum_of[c] for c in seen_on] if has_strata else None
    table = _merge(order, pats, np.ones(len(seen_on), dtype=np.int64), labels)
    _check_usable(table)
    return table
