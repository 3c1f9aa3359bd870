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

_SEAT = r"(?:government|govt|gouvernement|gobierno|delegation|d[ée]l[ée]gation|delegaci[óo]n)"
_BY_SEAT = re.compile(
    rf"(?<![\w.-])(?P<initials>[A-Z]{{2,4}})\s+(?i:{_SEAT})\b"
    rf"|\b(?i:{_SEAT}\s+(?:of|de|du|del|de\s+la)\s+(?:the\s+|la\s+|l['’])?)"
    r"(?P<after>[A-Z]{2,4})(?![\w-])"
)
"""A state's initials before or after "Government", "Govt" or "Delegation": "UK
government", "For the CAR Government", "Leader of the PNG Delegation"."""


def by_initials(text: str, code: str) -> str | None:
    """The abbreviation in ``text`` that names the government of the state ``code`` by its
    initials (in any order: "GoRDC" for the Democratic Republic of the Congo): "Go" and
    them, or them beside "Government" or "Delegation" (:data:`_BY_SEAT`); else None.

    >>> by_initials("On behalf of GoN Talks Team", "NPL")
    'GoN'
    >>> by_initials("Head of GoU Delegation", "NPL") is None
    True
    >>> by_initials("For the CAR Government", "CAF"), by_initials("For CAR", "CAF")
    ('CAR', None)
    """
    found = [(m.group(0), m["initials"]) for m in _GO.finditer(text)]
    found += [(x, x) for m in _BY_SEAT.finditer(text) if (x := m["initials"] or m["after"])]
    if not found:  # most mentions: no need for the state's name
        return None
    initials = sorted(name_initials(preferred_name(code)))
    return next((token for token, letters in found if sorted(letters) == initials), None)


def location_code(row: PaxRow) -> str | None:
    """The ISO code of the agreement's one location, if it has one and it is a state."""
    codes = [row.get(column).upper() for column in ("Loc1ISO", "Loc2ISO") if row.get(column)]
    if len(codes) != 1:
        return None
    return next(iter(location_codes(row)), None)


def location_codes(row: PaxRow) -> list[str]:
    """The ISO codes of the agreement's locations that are states (``Loc1ISO``, ``Loc2ISO``)."""
    out = []
    for column in ("Loc1ISO", "Loc2ISO"):
        code = row.get(column).upper()
        try:
            preferred_name(code)
        except KeyError:
            continue
        out.append(code)
    return out


def location_by_initials(text: str, codes: list[str]) -> str | None:
    """The one of the locations ``codes`` whose government ``text`` names by its initials
    (:func:`by_initials`), or None.

    >>> location_by_initials("UK government, Irish Government", ["GBR", "IRL"])
    'GBR'
    """
    found = {code for code in codes if by_initials(text, code)}
    return found.pop() if len(found) == 1 else None


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
    codes: list[str] | None = None,
) -> None:
    """Attest the agreement's roles of ``state`` (ISO ``code``, one of the agreement's
    location ``codes``, by default only it) by the importer's inference."""
    codes = codes or [code]
    quoted = "; ".join(f'"{m}"' for m in sorted(set(mentions)))
    name = preferred_name(code)
    short = sorted({a for m in mentions if (a := by_initials(m, code))})
    told = "; ".join(
        f'{a}: "Go" and the initials of {name}'
        if _GO.fullmatch(a)
        else f"{a}: the initials of {name}"
        for a in short
    )
    where = ", ".join(f"Loc{i}ISO {c}" for i, c in enumerate(codes, 1))
    location = (
        f"The agreement's one location is {name} ({where})"
        if len(codes) == 1
        else f"{name} is one of the agreement's locations ({where})"
    )
    named = "by its state's initials" if told else "without naming its state"
    reason = (
        f"PA-X record {agt_id} names a government {named}: {quoted}"
        f"{f' ({told})' if told else ''}. {location}, so the importer takes that government "
        f"for {name}'s."
    )
    add_inference(
        graph,
        f"location-government-{agt_id}" + ("" if len(codes) == 1 else f"-{code.lower()}"),
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
    codes: list[str] | None = None,
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
            codes=codes,
        )


__all__ = [
    "HOW",
    "attest",
    "attest_roles",
    "by_initials",
    "location_by_initials",
    "location_code",
    "location_codes",
    "names_bare_government",
]
