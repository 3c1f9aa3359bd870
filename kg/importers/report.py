"""The reconciliation report: one CSV row per mention, and resolution rates.

Columns: ``AgtId, column, mention, resolution, confidence, role`` (as before), then
``roles`` (every role the text gives, space-separated), ``kind`` (the resolved
actors' classes, or ``person`` for a bare personal name), ``language`` and
``heading``. ``resolution`` is the resolved actors' IRIs separated by spaces, or
``unresolved``; skipped bad rows are listed with column ``row`` and resolution
``skipped: <why>``. Every cell is neutralised against spreadsheet formulas.

Examples
--------
>>> from kg.importers.mentions import Mention
>>> from kg.importers.reconcile import Resolution
>>> rows = report_rows("7", [Resolution(Mention("Part", "X", "signatory"))])
>>> rows[0]["resolution"], rows[0]["confidence"], rows[0]["kind"]
('unresolved', '0.00', '')
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from rdflib import URIRef

from kg.importers.reconcile import Match, Resolution

FIELDS = (
    "AgtId",
    "column",
    "mention",
    "resolution",
    "confidence",
    "role",
    "roles",
    "kind",
    "language",
    "heading",
)
_FORMULA = ("=", "@", "+", "-", "\t", "\r")
_PERSON = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|H\.\s?E|Gen|Col|Colonel|Hon)\.?\s+)?(?:[A-Z][\w'’.-]*\s*){1,5}"
)


def _kind(res: Resolution, kind_of: Callable[[Match], URIRef | None]) -> str:
    if not res.matches:
        text = res.mention.match_text
        return "person" if _PERSON.fullmatch(text) and len(text.split()) >= 2 else ""
    kinds = {str(k).rsplit("#", 1)[-1] for k in map(kind_of, res.matches) if k is not None}
    return " ".join(sorted(kinds))


def report_rows(
    agt_id: str,
    resolutions: Iterable[Resolution],
    kind_of: Callable[[Match], URIRef | None] = lambda m: None,
) -> list[dict[str, str]]:
    """The report rows of one agreement's mentions."""
    return [
        {
            "AgtId": agt_id,
            "column": r.mention.column,
            "mention": r.mention.text,
            "resolution": " ".join(str(m.iri) for m in r.matches) or "unresolved",
            "confidence": f"{r.confidence:.2f}",
            "role": r.mention.role,
            "roles": " ".join(r.mention.roles),
            "kind": _kind(r, kind_of),
            "language": r.mention.language,
            "heading": r.mention.heading,
        }
        for r in resolutions
    ]


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
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows({k: cell(str(v)) for k, v in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


def rates(rows: Iterable[dict[str, str]], by: str = "column") -> dict[str, tuple[int, int]]:
    """(resolved, total) mentions by ``column``, ``language``, ``kind`` or any report field.

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
        value = row.get(by, "").split(" ")[0] if by == "kind" else row.get(by, "")
        value = value or ("(none)" if by != "column" else value)
        total[value] += 1
        done[value] += row["resolution"] != "unresolved"
    return {key: (done[key], total[key]) for key in sorted(total)}


def unresolved(rows: Iterable[dict[str, str]], *, top: int = 20) -> list[tuple[str, int]]:
    """The unresolved mentions (not bare personal names) by frequency, most frequent first."""
    counts = Counter(
        " ".join(row["mention"].split())
        for row in rows
        if row["column"] in ("Part", "ThrdPart")
        and row["resolution"] == "unresolved"
        and row.get("kind") != "person"
    )
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def summary(rows: Sequence[dict[str, str]], *, top: int = 20) -> str:
    """Resolution rates by column, language and kind, and what to curate next.

    Examples
    --------
    >>> print(summary([{"column": "Part", "resolution": "unresolved", "mention": "X",
    ...                 "language": "fr", "kind": ""}]))  # doctest: +NORMALIZE_WHITESPACE
    mentions resolved by column:
      Part          0/1      0.0%
    by language:
      fr            0/1      0.0%
    by kind:
      (none)        0/1      0.0%
    unresolved mentions by frequency (bare personal names left out):
          1  X
    """
    lines = []
    for title, by in (
        ("mentions resolved by column", "column"),
        ("by language", "language"),
        ("by kind", "kind"),
    ):
        lines.append(f"{title}:")
        for key, (done, total) in rates(rows, by).items():
            share = 100.0 * done / total if total else 0.0
            lines.append(f"  {key:<26}{done:>6}/{total:<6}{share:>6.1f}%")
    lines.append("unresolved mentions by frequency (bare personal names left out):")
    lines += [f"  {count:>5}  {text[:100]}" for text, count in unresolved(rows, top=top)]
    return "\n".join(lines)


__all__ = ["FIELDS", "cell", "rates", "report_rows", "summary", "to_csv", "unresolved"]
