"""The reconciliation report: one CSV row per mention, and resolution rates by column.

Columns: ``AgtId, column, mention, resolution, confidence, role``. ``resolution`` is
the resolved actors' IRIs separated by spaces, or ``unresolved``; skipped bad rows
are listed with column ``row`` and resolution ``skipped: <why>``.

Examples
--------
>>> from kg.importers.mentions import Mention
>>> from kg.importers.reconcile import Resolution
>>> rows = report_rows("7", [Resolution(Mention("Part", "X", "signatory"))])
>>> rows[0]["resolution"], rows[0]["confidence"]
('unresolved', '0.00')
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence

from kg.importers.reconcile import Resolution

FIELDS = ("AgtId", "column", "mention", "resolution", "confidence", "role")


def report_rows(agt_id: str, resolutions: Iterable[Resolution]) -> list[dict[str, str]]:
    """The report rows of one agreement's mentions."""
    return [
        {
            "AgtId": agt_id,
            "column": r.mention.column,
            "mention": r.mention.text,
            "resolution": " ".join(str(m.iri) for m in r.matches) or "unresolved",
            "confidence": f"{r.confidence:.2f}",
            "role": r.mention.role,
        }
        for r in resolutions
    ]


_FORMULA = ("=", "@", "+", "-", "\t", "\r")


def cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run: a leading ``= @ + -``, tab or CR gets a ``'``.

    Examples
    --------
    >>> cell("=cmd|' /C calc'!A0"), cell("-1"), cell("UN")
    ("'=cmd|' /C calc'!A0", "'-1", 'UN')
    """
    return f"'{text}" if text.startswith(_FORMULA) else text


def to_csv(rows: Sequence[dict[str, str]]) -> bytes:
    """The report as UTF-8 CSV bytes (header first), every cell neutralised by :func:`cell`."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: cell(str(v)) for k, v in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


def rates(rows: Iterable[dict[str, str]]) -> dict[str, tuple[int, int]]:
    """(resolved, total) mentions by column.

    Examples
    --------
    >>> rates([{"column": "Part", "resolution": "x"},
    ...        {"column": "Part", "resolution": "unresolved"}])
    {'Part': (1, 2)}
    """
    total: Counter[str] = Counter()
    done: Counter[str] = Counter()
    for row in rows:
        if row["column"] not in ("Part", "ThrdPart"):
            continue
        total[row["column"]] += 1
        done[row["column"]] += row["resolution"] != "unresolved"
    return {col: (done[col], total[col]) for col in sorted(total)}


__all__ = ["FIELDS", "cell", "rates", "report_rows", "to_csv"]
