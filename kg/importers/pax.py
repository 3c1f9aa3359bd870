"""Read the PA-X Peace Agreements Database CSV export, row by row, with checks.

PA-X (PeaceRep, University of Edinburgh; Bell & Badanjak, Journal of Peace Research
56(3), 2019) publishes one row per agreement: ``AgtId``, name ``Agt``, date ``Dat``
(DD/MM/YYYY), stage, conflict, peace process, signatories ``Part`` and third parties
``ThrdPart`` as free text, locations and crosswalk ids. The reader checks the file
is PA-X (every column the importer uses is there), decodes it as UTF-8 (with or
without a byte-order mark), and checks each row's ``AgtId``, ``Dat`` and link.
A bad row is a :class:`RowError` with its row number and file line; the caller
decides whether to stop (the default) or skip it (``--skip-bad``).

Examples
--------
>>> parse_date("10/10/2020")
datetime.date(2020, 10, 10)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import LoadError
from kg.importers.pax_fields import canonical_id, crosswalk_id, link_ok, parse_date

REQUIRED = (
    "AgtId",
    "Agt",
    "Dat",
    "Con",
    "Contp",
    "PP",
    "PPName",
    "Stage",
    "StageSub",
    "Agtp",
    "Status",
    "Part",
    "ThrdPart",
    "Loc1ISO",
    "Loc2ISO",
    "UcdpCon",
    "UcdpAgr",
    "PamAgr",
    "CowWar",
    "PAX_Hyperlink",
    "stage_label",
    "substage_label",
    "agt_type",
)
"""The PA-X columns the importer reads."""


@dataclass(frozen=True)
class PaxRow:
    """One agreement row: its 1-based row number, first file line and fields."""

    number: int
    line: int
    fields: Mapping[str, str]
    date: dt.date

    @property
    def agt_id(self) -> str:
        """The PA-X agreement id, canonical (ASCII digits, no leading zeros)."""
        return canonical_id(self.fields["AgtId"]) or self.fields["AgtId"].strip()

    def get(self, column: str) -> str:
        """The stripped value of ``column``."""
        return (self.fields.get(column) or "").strip()


@dataclass(frozen=True)
class RowError:
    """A row that cannot be imported, and why."""

    path: str
    number: int
    line: int
    message: str
    agt_id: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: row {self.number}: {self.message}"


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            path,
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            line=line,
            hint="PA-X is published as UTF-8; re-export it so",
        ) from None
    if not text.strip():
        raise LoadError(path, "the file is empty", hint="Expected the PA-X CSV export (pax.csv)")
    return text


def _shape_error(fields: Mapping[str | None, object], width: int) -> str | None:
    """Why a row does not have the header's number of fields, if it does not."""
    if None in fields:  # csv.DictReader files surplus cells under the key None
        extra = fields[None]
        count = width + (len(extra) if isinstance(extra, list) else 1)
        return f"{count} fields where the header has {width}"
    missing = sum(1 for v in fields.values() if v is None)
    if missing:
        return f"cut short: {width - missing} fields where the header has {width}"
    return None


def _check_row(
    path: Path, number: int, line: int, fields: Mapping[str | None, object], width: int
) -> PaxRow | RowError:
    shape = _shape_error(fields, width)
    raw = fields.get("AgtId")
    text_id = raw.strip() if isinstance(raw, str) else ""
    if shape:
        return RowError(str(path), number, line, shape, canonical_id(text_id))
    row = {k: v for k, v in fields.items() if isinstance(k, str) and isinstance(v, str)}
    if not text_id:
        return RowError(str(path), number, line, "empty AgtId")
    agt_id = canonical_id(text_id)
    if not agt_id:
        return RowError(
            str(path), number, line, f"AgtId {text_id!r} is not a number of ASCII digits"
        )
    try:
        date = parse_date(row.get("Dat") or "")
    except ValueError as exc:
        return RowError(str(path), number, line, f"AgtId {agt_id}: malformed Dat: {exc}", agt_id)
    link = (row.get("PAX_Hyperlink") or "").strip()
    if not link_ok(link):
        return RowError(
            str(path),
            number,
            line,
            f"AgtId {agt_id}: PAX_Hyperlink {link[:80]!r} is not an http(s) link of URL characters",
            agt_id,
        )
    not_an_id = _not_an_id(row)
    if not_an_id:
        return RowError(str(path), number, line, f"AgtId {agt_id}: {not_an_id}", agt_id)
    return PaxRow(number, line, row, date)


_IDS = (
    ("PP", "a process number"),
    ("UcdpCon", "a UCDP conflict number"),
    ("UcdpAgr", "a UCDP agreement number"),
    ("PamAgr", "a PAM agreement number"),
    ("CowWar", "a COW war number"),
)
"""The id columns: each one whole number or empty (PP and UcdpCon name an entity of the
graph, whose IRI is made from the id; the others are the agreement's ids elsewhere)."""


def _not_an_id(row: Mapping[str, str]) -> str:
    """What is wrong with the first id column of :data:`_IDS` that is not one whole number."""
    for column, what in _IDS:
        value = (row.get(column) or "").strip()
        if value and not canonical_id(crosswalk_id(value)):
            return f"{column} {value[:40]!r} is not {what}"
    return ""


def read_pax(path: str | Path) -> tuple[list[PaxRow], list[RowError]]:
    """Read and check a PA-X CSV file.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    rows, errors : list of PaxRow, list of RowError
        Good rows and bad rows, in file order.

    Raises
    ------
    LoadError
        The file cannot be read, is not UTF-8, is empty, is not CSV, lacks PA-X
        columns (named in the message) or repeats an ``AgtId``.
    """
    path = Path(path)
    reader = csv.DictReader(io.StringIO(_decode(path), newline=""))
    try:
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise LoadError(
                path,
                "not a PA-X export: missing column(s) " + ", ".join(missing),
                line=1,
                hint="Expected the PA-X CSV export (pax.csv)",
            )
        rows: list[PaxRow] = []
        errors: list[RowError] = []
        seen: dict[str, int] = {}
        line = reader.line_num + 1
        for number, fields in enumerate(reader, start=1):
            checked = _check_row(path, number, line, fields, len(header))
            if isinstance(checked, PaxRow) and checked.agt_id in seen:
                checked = RowError(
                    str(path),
                    number,
                    line,
                    f"AgtId {checked.agt_id} repeats row {seen[checked.agt_id]}",
                    checked.agt_id,
                )
            if isinstance(checked, PaxRow):
                seen[checked.agt_id] = number
                rows.append(checked)
            else:
                errors.append(checked)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise LoadError(path, f"not valid CSV: {exc}", line=reader.line_num) from None
    return rows, errors


def select(
    rows: Iterable[PaxRow],
    *,
    conflict: str | None = None,
    ucdp_conflict: str | None = None,
    process: str | None = None,
) -> list[PaxRow]:
    """The rows of one conflict (``Con`` contains the text, any case), UCDP conflict or process.

    Examples
    --------
    >>> r = PaxRow(1, 2, {"Con": "Armenia/Azerbaijan", "UcdpCon": "388.0", "PP": "8"},
    ...            dt.date(2020, 1, 1))
    >>> len(select([r], ucdp_conflict="388")), len(select([r], conflict="sudan"))
    (1, 0)
    """
    out = []
    for row in rows:
        if conflict is not None and conflict.lower() not in row.get("Con").lower():
            continue
        if ucdp_conflict is not None and crosswalk_id(row.get("UcdpCon")) != crosswalk_id(
            ucdp_conflict
        ):
            continue
        if process is not None and crosswalk_id(row.get("PP")) != crosswalk_id(process):
            continue
        out.append(row)
    return out


__all__ = [
    "REQUIRED",
    "PaxRow",
    "RowError",
    "canonical_id",
    "crosswalk_id",
    "link_ok",
    "parse_date",
    "read_pax",
    "select",
]
