"""The names of PA-X agreements, each in its own language.

PA-X's ``Agt`` is an agreement's name; about one in eight is the agreement's own
French, Spanish or Portuguese title. :func:`agreement_names` gives each
agreement's names with their languages (:func:`kg.importers.language.title_parts`),
so that the importer tags "Acuerdo entre el Gobierno Nacional y el EPL" ``@es``,
not ``@en``.

A name without an English word whose words alone do not tell ("Comunicado
Conjunto 2": Spanish or Portuguese) takes the language other than English that
most names of the agreement's peace process are told to be in, then that of its
parties' text as PA-X writes it. The hints are drawn from every row read, not
only the selected ones, so that an agreement's label does not depend on the
selection.

Examples
--------
>>> import datetime as dt
>>> from kg.importers.pax import PaxRow
>>> day = dt.date(1991, 1, 1)
>>> titles = ["Acuerdo entre el Gobierno y el EPL", "Joint Communique", "Comunicado Conjunto 2"]
>>> rows = [PaxRow(n, n + 1, {"AgtId": str(n), "PP": "7", "Agt": agt}, day)
...         for n, agt in enumerate(titles, 1)]
>>> agreement_names(rows)["3"]
[('Comunicado Conjunto 2', 'es')]
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.importers.language import field_language, title_language, title_parts
from kg.importers.pax import PaxRow


def agreement_title(row: PaxRow) -> str:
    """The row's ``Agt`` without invisible format characters (soft hyphen, zero-width space,
    byte-order mark), its runs of white space made one space (its id when empty)."""
    visible = "".join(c for c in row.get("Agt") if unicodedata.category(c) != "Cf")
    return " ".join(visible.split()) or row.agt_id


def agreement_names(rows: Iterable[PaxRow]) -> dict[str, list[tuple[str, str]]]:
    """``AgtId -> [(name, language), …]`` for every row (see the module's description)."""
    rows = list(rows)
    by_process: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        language = title_language(agreement_title(row))
        if language != "en":
            by_process[row.get("PP")][language] += 1
    names = {}
    for row in rows:
        hints = []
        process = by_process.get(row.get("PP"))
        if row.get("PP") and process:
            hints.append(process.most_common(1)[0][0])
        text = " ".join((row.get("Part"), row.get("ThrdPart")))
        if text.strip():
            hints.append(field_language(text))
        names[row.agt_id] = title_parts(agreement_title(row), hints=hints)
    return names


__all__ = ["agreement_names", "agreement_title"]
