"""The government a PA-X text names without its state: the government of the agreement's location.

Colombia's agreements with the ELN list "Delegation of National Government in the
Peace Dialogues Table" (2703, 2719 …); others write "For the Government",
"Government Delegation" or "Por el Gobierno Nacional". No state is named, but an
agreement with one location (``Loc1ISO``, no ``Loc2ISO``) that lists "the
Government" among its signatories means that state's government, so the importer
resolves such a mention to the location's state.

That is the importer's conclusion, not PA-X's words: each role it gives this way
is attested by an editorial inference that quotes the mention and names the
location (``id:inference-location-government-<AgtId>``), which outranks the PA-X
record's own attestation of the agreement's statements.

Examples
--------
>>> from kg.importers.states import StateIndex
>>> names_bare_government("Delegation of National Government in the Peace Dialogues Table",
...                       StateIndex.default())
True
>>> names_bare_government("Government of the Republic of South Sudan", StateIndex.default())
False
>>> names_bare_government("Zangon-Kataf Local Government Area", StateIndex.default())
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph, URIRef

from kg.importers.group_places import name_initials
from kg.importers.inference import add_inference
from kg.importers.pax import PaxRow
from kg.importers.states import StateIndex, preferred_name

HOW = "government of the location"
"""How a :class:`~kg.importers.matches.Match` made this way is marked."""

_BARE_GOVERNMENT = re.compile(
    r"(?:^|[,;:(/–—-]\s*|\b(?:of|for|por|pour|the|el|del|de|du|representative|delegation)\s+)"
    r"(?:the\s+|el\s+|le\s+)?(?:national\s+|nacional\s+)?(?:government|gobierno|gouvernement)"
    r"(?:\s+(?:nacional|national))?\b(?!\s+(?:of|de|du|del|area|group|groups|and)\b)",
    re.I,
)


_HEAD_OF_GOVERNMENT = re.compile(r"\bhead of (?:the )?government\b(?!\s+delegation)", re.I)
"""A person's title, which says whose head of government only with a state
("President of Faso Head of Government"): not a government acting."""


def names_bare_government(text: str, states: StateIndex) -> bool:
    """Does ``text`` name "the (national) government" and no state?

    >>> names_bare_government("Ernest Mada – Prime Minister (Head of the Government)",
    ...                       StateIndex.default())
    False
    """
    acting = _HEAD_OF_GOVERNMENT.sub(" ", text)
    return bool(_BARE_GOVERNMENT.search(acting)) and not states.find(text)


_GO = re.compile(r"(?<![\w-])G[oO](?P<initials>[A-Z]{1,4})(?![\w-])")
""""Government of" abbreviated before a state's initials: "GoN", "GOU", "GoRDC"."""


def by_initials(text: str, code: str) -> str | None:
    """The abbreviation in ``text`` that is "Go" and the initials of the state ``code``
    (in any order: "GoRDC" for the Democratic Republic of the Congo), or None.

    >>> by_initials("On behalf of GoN Talks Team", "NPL")
    'GoN'
    >>> by_initials("Head of GoU Delegation", "NPL") is None
    True
    """
    tokens = list(_GO.finditer(text))
    if not tokens:  # most mentions: no need for the state's name
        return None
    initials = sorted(name_initials(preferred_name(code)))
    return next((m.group(0) for m in tokens if sorted(m["initials"]) == initials), None)


def location_code(row: PaxRow) -> str | None:
    """The ISO code of the agreement's one location, if it has one and it is a state."""
    codes = [row.get(column).upper() for column in ("Loc1ISO", "Loc2ISO") if row.get(column)]
    if len(codes) != 1:
        return None
    try:
        preferred_name(codes[0])
    except KeyError:
        return None
    return codes[0]


def attest(
    graph: Graph,
    *,
    agreement: URIRef,
    record: URIRef,
    agt_id: str,
    state: URIRef,
    code: str,
    properties: Iterable[URIRef],
    mentions: Iterable[str],
) -> None:
    """Attest the agreement's roles of ``state`` (ISO ``code``) by the importer's inference."""
    quoted = "; ".join(f'"{m}"' for m in sorted(set(mentions)))
    name = preferred_name(code)
    short = sorted({a for m in mentions if (a := by_initials(m, code))})
    told = f' ({", ".join(short)}: "Go" and the initials of {name})' if short else ""
    reason = (
        f"PA-X record {agt_id} names a government without naming its state: {quoted}"
        f"{told}. The agreement's one location is {name} (Loc1ISO {code}), so the importer "
        f"takes that government for {name}'s."
    )
    add_inference(
        graph,
        f"location-government-{agt_id}",
        label=f"the government PA-X agreement {agt_id} names is its location's",
        reason=reason,
        used=[record],
        subject=agreement,
        predicates=properties,
        obj=state,
    )


def attest_roles(
    graph: Graph,
    *,
    agreement: URIRef,
    record: URIRef,
    agt_id: str,
    code: str,
    added: list[tuple[URIRef, URIRef, str, str]],
) -> None:
    """Attest the roles an agreement gives only through its location's government.

    ``added``: the (property, actor, how resolved, mention text) of each role the
    agreement's mentions gave; a role another mention states is PA-X's, not inferred.
    """
    stated = {(p, actor) for p, actor, how, _ in added if how != HOW}
    inferred = [(p, actor, text) for p, actor, how, text in added if how == HOW]
    props = {p for p, actor, _ in inferred if (p, actor) not in stated}
    if props:
        attest(
            graph,
            agreement=agreement,
            record=record,
            agt_id=agt_id,
            state=inferred[0][1],
            code=code,
            properties=props,
            mentions=[text for p, _, text in inferred if p in props],
        )


__all__ = ["HOW", "attest", "attest_roles", "by_initials", "location_code", "names_bare_government"]
