"""A curated person named by initials beside the office the curated data says he holds.

PA-X writes the signatories of many state agreements as an office and a name with
initials: "Prime Minister of the Republic of Armenia N. V. Pashinyan", "President
of the Russian Federation V.V.Putin". A curated person (``ckg:Person``) is taken
for such a name when the mention also names an office the curated data says he
holds, and the name is his surname after the initial of his given name (further
initials allowed, the surname as written or in capitals). That he is the man the
text names is the importer's inference, not PA-X's word, and is attested so
(:func:`attest_holder`).

Examples
--------
>>> rule = initials_pattern("Nikol Pashinyan")
>>> bool(rule.search("Prime Minister N. V. Pashinyan")), bool(rule.search("S. Pashinyan"))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph, URIRef

from kg.importers.inference import add_inference
from kg.importers.patterns import CKG

HOW = "curated person by initials"
"""How a person matched by this rule is resolved (:attr:`kg.importers.reconcile.Match.how`)."""


def initials_pattern(label: str) -> re.Pattern[str] | None:
    """The name ``label`` ("Given Surname") as initials and surname, or None for one word.

    >>> initials_pattern("Vladimir Putin").search("V.V.Putin") is not None
    True
    >>> initials_pattern("Putin") is None
    True
    """
    words = label.split()
    if len(words) < 2 or not words[0][:1].isalpha():
        return None
    first, surname = re.escape(words[0][0].upper()), words[-1]
    names = "|".join(re.escape(s) for s in sorted({surname, surname.upper()}))
    return re.compile(rf"(?<![\w.]){first}\.\s*(?:[A-Z]\.\s*)*(?:{names})(?![\w-])")


def persons_by_initials(
    text: str,
    offices: Iterable[URIRef],
    held: Iterable[tuple[URIRef, URIRef]],
    labels: dict[URIRef, str],
) -> list[URIRef]:
    """The curated persons ``text`` names by initials beside an office each holds.

    ``offices``: the offices the mention names; ``held``: the curated (person,
    office) holdings; ``labels``: English labels.

    >>> from kg.importers.patterns import ID
    >>> putin, office = ID["vladimir-putin"], ID["office-president-of-russia"]
    >>> persons_by_initials("President V. V. Putin", [office], [(putin, office)],
    ...                     {putin: "Vladimir Putin"}) == [putin]
    True
    """
    named = set(offices)
    found = []
    for person in sorted({p for p, office in held if office in named}, key=str):
        rule = initials_pattern(labels.get(person, ""))
        if rule is not None and rule.search(text):
            found.append(person)
    return found


def attest_holder(
    graph: Graph, *, holding: URIRef, person: str, text: str, agt_id: str, record: URIRef
) -> None:
    """Attest ``holding``'s holder by the importer's inference from the initials in ``text``."""
    reason = (
        f'PA-X record {agt_id} names "{text}". The curated data, from its own sources, has '
        f"{person} as a holder of the office named there, and the name written is "
        f"{person}'s surname after the initial of the given name, so the importer takes "
        f"{person} for the holder it names."
    )
    add_inference(
        graph,
        f"initials-{holding.rsplit('/', 1)[-1]}",
        label=f"the holder PA-X agreement {agt_id} names by initials is {person}",
        reason=reason,
        used=[record],
        subject=holding,
        predicates=[CKG.holder],
    )


__all__ = ["HOW", "attest_holder", "initials_pattern", "persons_by_initials"]
