"""CSV in and out for ``inquiry link`` (the library itself never touches files)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from inquiry.errors import InvalidInput
from inquiry.linkage.records import LinkageRecord
from inquiry.linkage.result import LinkageResult

__all__ = ["read_records", "read_judgements", "write_clusters", "write_pairs", "REQUIRED_COLUMNS",
           "OPTIONAL_COLUMNS"]

REQUIRED_COLUMNS = ("record_id", "name")
OPTIONAL_COLUMNS = ("birth_date", "sex", "birth_place", "last_seen_place", "facility", "nationality",
                    "relatives", "source", "lang")
_SAME = {"same", "true", "1", "yes", "y"}
_NOT_SAME = {"not same", "not_same", "different", "false", "0", "no", "n"}


def _read_text(path: Path, *, field: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput("The file {path} does not exist.", field=field, path=str(path)) from None
    except OSError as exc:
        raise InvalidInput("The file {path} cannot be read: {reason}.", field=field, path=str(path),
                           reason=exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInput("The file is not UTF-8 text (byte {byte} cannot be decoded); save it as UTF-8.",
                           field=field, row=row, byte=f"0x{data[exc.start]:02x}") from None


def _rows(path: Path, *, field: str, required: tuple[str, ...]) -> tuple[list[str], list[tuple[int, dict]]]:
    text = _read_text(path, field=field)
    if not text.strip():
        raise InvalidInput("The file {path} is empty.", field=field, path=str(path))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    for column in required:
        if column not in header:
            raise InvalidInput("The column “{column}” is missing; the header has: {header}.", field=column,
                               row=1, column=column, header=", ".join(header))
    rows = []
    for row in reader:
        # line_num counts physical lines, so quoted newlines keep row numbers truthful.
        rows.append((reader.line_num, row))
        if None in row:
            raise InvalidInput("The row has more cells than the header.", row=reader.line_num)
    if not rows:
        raise InvalidInput("The file {path} has a header but no records.", field=field, path=str(path))
    return header, rows


def _cell(row: dict, column: str) -> str | None:
    value = row.get(column)
    if value is None:
        return None
    value = value.strip()
    return value or None


def read_records(path: Path) -> tuple[list[LinkageRecord], list[int]]:
    """Records and, for each, its row number in the file (the header is row 1)."""
    _, rows = _rows(path, field="records", required=REQUIRED_COLUMNS)
    records: list[LinkageRecord] = []
    row_numbers: list[int] = []
    for line, row in rows:
        record_id = _cell(row, "record_id")
        if record_id is None:
            raise InvalidInput("The record_id is empty.", field="record_id", row=line)
        name = _cell(row, "name")
        if name is None:
            raise InvalidInput("The name is empty.", field="name", row=line)
        relatives = tuple(r.strip() for r in (_cell(row, "relatives") or "").split(";") if r.strip())
        records.append(LinkageRecord(
            record_id=record_id,
            # Several spellings of one person may share the cell, separated by "|".
            names=tuple(n.strip() for n in name.split("|") if n.strip()),
            birth_date=_cell(row, "birth_date"),
            sex=_cell(row, "sex"),
            birth_place=_cell(row, "birth_place"),
            last_seen_place=_cell(row, "last_seen_place"),
            facility=_cell(row, "facility"),
            nationality=_cell(row, "nationality"),
            relatives=relatives,
            source=_cell(row, "source"),
            lang=_cell(row, "lang"),
        ))
        row_numbers.append(line)
    return records, row_numbers


def read_judgements(path: Path) -> dict[tuple[str, str], bool]:
    _, rows = _rows(path, field="judgements", required=("id_a", "id_b", "judgement"))
    out: dict[tuple[str, str], bool] = {}
    for line, row in rows:
        a, b, verdict = _cell(row, "id_a"), _cell(row, "id_b"), (_cell(row, "judgement") or "").lower()
        if not a or not b:
            raise InvalidInput("Both id_a and id_b are needed.", field="id_a", row=line)
        if verdict in _SAME:
            out[(a, b)] = True
        elif verdict in _NOT_SAME:
            out[(a, b)] = False
        else:
            raise InvalidInput("The judgement must be “same” or “not same”, not “{value}”.", field="judgement",
                               row=line, value=verdict)
    return out


def write_clusters(path: Path, result: LinkageResult) -> None:
    sizes = result.cluster_sizes()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "cluster_id", "cluster_size"])
        for record_id, cluster_id in result.clusters.items():
            writer.writerow([record_id, cluster_id, sizes[cluster_id]])


def write_pairs(path: Path, result: LinkageResult) -> None:
    frame = result.pairs_frame()
    if frame.empty:
        frame = frame.reindex(columns=["id_a", "id_b", "probability", "match_weight", "judgement"])
    queued = {(p.id_a, p.id_b) for p in result.review_queue}
    frame.insert(5, "in_review_queue", [(a, b) in queued for a, b in zip(frame["id_a"], frame["id_b"],
                                                                          strict=True)])
    frame.to_csv(path, index=False, float_format="%.6g")
