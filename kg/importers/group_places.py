"""Where mined bodies act: the agreements that name a body, grouped by the places they share.

PA-X reuses abbreviations and generic names across countries: "PSD" is a party in
Burundi, Gabon and the Central African Republic; "SDA" the Somali Democratic Alliance
in Somalia, a party in Bosnia and Herzegovina and a church in Kenya; Libya and Yemen
each have a "Presidential Council". Nothing in PA-X ties such namesakes together, so
a body mined from agreements whose places never meet (no location code, directly or
through other agreements naming it, in common) is one body per connected set of
places. International organisations are one body wherever they act.

An agreement's places are its ISO location codes (``Loc1ISO``, ``Loc2ISO``), or its
peace process where it has none.

Examples
--------
>>> places = {"1": frozenset({"BDI"}), "2": frozenset({"BDI", "TZA"}), "3": frozenset({"GAB"})}
>>> [sorted(agts) for agts, _ in components(["1", "2", "3"], places)]
[['1', '2'], ['3']]
>>> place_tag(frozenset({"1", "2"}), places)
'bdi'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping
from dataclasses import replace
from functools import cache

import networkx as nx
import pycountry
from rdflib import URIRef

from kg.importers.group_keys import io_name
from kg.importers.group_mining import ALONE, TRANSLATIONS, Group, Seen, build
from kg.importers.patterns import CKG, slug
from kg.importers.pax import PaxRow, crosswalk_id
from kg.importers.states import preferred_name

Component = tuple[frozenset[str], frozenset[str]]
"""The agreements of one connected set of places, and those places."""


def agreement_places(rows: Iterable[PaxRow]) -> dict[str, frozenset[str]]:
    """Each agreement's places: its location codes, else its peace process, else itself."""
    out = {}
    for row in rows:
        codes = {row.get(column).upper() for column in ("Loc1ISO", "Loc2ISO")} - {""}
        process = crosswalk_id(row.get("PP"))
        fallback = f"process {process}" if process else f"agreement {row.agt_id}"
        out[row.agt_id] = frozenset(codes or {fallback})
    return out


def components(agreements: Iterable[str], places: Mapping[str, frozenset[str]]) -> list[Component]:
    """The agreements grouped by the places they share, directly or through each other."""
    graph: nx.Graph[tuple[str, str]] = nx.Graph()
    for agt in agreements:
        graph.add_node(("agreement", agt))
        for place in places.get(agt, ()):
            graph.add_edge(("agreement", agt), ("place", place))
    out = []
    for part in nx.connected_components(graph):
        agts = frozenset(x for kind, x in part if kind == "agreement")
        where = frozenset(x for kind, x in part if kind == "place")
        out.append((agts, where))
    return sorted(out, key=lambda c: (sorted(c[1]), sorted(c[0])))


def main_place(agreements: frozenset[str], places: Mapping[str, frozenset[str]]) -> str:
    """The place most of ``agreements`` are in (the first in order on a tie)."""
    counts = Counter(p for agt in agreements for p in places.get(agt, ()))
    if not counts:
        return f"agreement {min(agreements)}"
    return min(counts, key=lambda p: (-counts[p], p))


def place_tag(agreements: frozenset[str], places: Mapping[str, frozenset[str]]) -> str:
    """:func:`main_place` as an IRI segment."""
    return slug(main_place(agreements, places))


def place_name(place: str) -> str:
    """A place as a label says it: a state's name, else "PA-X process 9".

    >>> place_name("BDI"), place_name("process 129")
    ('Burundi', 'PA-X process 129')
    """
    try:
        return preferred_name(place)
    except KeyError:
        return f"PA-X {place}"


def state_initials(abbr: str, places: Iterable[str]) -> str | None:
    """The place whose state's name ``abbr`` is the initials of ("CAR": the Central African
    Republic), among ``places``.

    >>> state_initials("CAR", {"CAF", "TGO"})
    'CAF'
    """
    for place in sorted(places):
        country = pycountry.countries.get(alpha_3=place) if len(place) == 3 else None
        if country is None:
            continue
        for name in {preferred_name(place), str(country.name)}:
            letters = name_initials(name)
            if len(letters) > 1 and letters == abbr.upper():
                return place
    return None


def name_initials(name: str) -> str:
    """The initials of a state's name, its "of", "the" and "and" left out.

    >>> name_initials("Democratic Republic of the Congo")
    'DRC'
    """
    words = [w for w in re.findall(r"[\w']+", name) if w.lower() not in _GLUE_WORDS]
    return "".join(w[0] for w in words).upper()


_GLUE_WORDS = {"of", "the", "and"}


def split_by_place(
    groups: Mapping[str, tuple[Group, set[str]]],
    seen: Iterable[Seen],
    places: Mapping[str, frozenset[str]],
    state_abbrs: Container[str],
) -> dict[str, Group]:
    """The bodies, each mined again per set of places PA-X does not show to be one body's.

    An international organisation is one body. The connected sets of places of any
    other body's agreements stay one body where they share a name that says which
    body it is: a name, not an abbreviation, and not a generic one
    (:func:`generic_names`). Otherwise each is mined again alone. A split body's key
    is ``key@tag@its own key``; its IRI ends in ``-tag``, the place most of its
    agreements are in; its label names that place after the spelling PA-X writes
    ("Presidential Council (Libya)"), so that two namesakes' labels differ. A set of
    places whose mentions alone make no body (an abbreviation used alone in one
    agreement) gives none.
    """
    by_key: dict[str, list[Seen]] = defaultdict(list)
    for s in seen:
        by_key[s.key].append(s)
    generic = generic_names(by_key)
    out = {}
    for key, (group, members) in groups.items():
        mine = [s for k in sorted(members) for s in by_key[k]]
        parts = components(group.agreements, places)
        io = group.cls == CKG.InternationalOrganization
        clusters = [_whole(parts)] if io else _clusters(parts, mine, generic)
        if len(clusters) < 2:
            where = frozenset().union(*(w for _, w in clusters))
            kind = key in generic and not io
            out[key] = replace(group, places=where, wide=len(parts) > 1, generic=kind)
            continue
        for agts, where in clusters:
            tag, name = place_tag(agts, places), place_name(main_place(agts, places))
            for sub_key, (sub, _) in build(
                [s for s in mine if s.agreement in agts], state_abbrs
            ).items():
                iri, label = URIRef(f"{sub.iri}-{tag}"), f"{sub.label} ({name})"
                # a body split by place is no UN body by its abbreviation alone
                cls = CKG.InternationalOrganization if io_name(sub.label) else CKG.Actor
                out[f"{key}@{tag}@{sub_key}"] = replace(
                    sub, iri=iri, cls=cls, label=label, places=where, generic=sub_key in generic
                )
    return out


def generic_names(
    by_key: Mapping[str, object], *, shared: int = 3, heads: int = 5
) -> frozenset[str]:
    """Keys that name a kind of body, not one body: each word is in ``shared`` or more
    keys, the last (the kind: council, committee, group) ends ``heads`` or more keys,
    and no word is a country's name or the start of one (:func:`country_words`:
    "somali"). "presidential council", "joint military committee", "contact group";
    not "liberation tigers tamil eelam", "federal yugoslavia" nor "united somali
    congress"."""
    df = Counter(w for key in by_key for w in set(key.split()))
    last = Counter(key.split()[-1] for key in by_key if key.split())
    places = country_words()

    def generic(words: list[str]) -> bool:
        return (
            min(df[w] for w in words) >= shared
            and last[words[-1]] >= heads
            and not any(c.startswith(w) for w in words if len(w) >= 5 for c in places)
        )

    return frozenset(
        k for k in by_key if k.split() and (generic(k.split()) or party_of_ideas(k.split()))
    )


_PARTY = re.compile(r"parti|partido|party")
_IDEAS = re.compile(
    r"social|socialiste|socialist|sociale|d[ée]mocrate|democrat|democratic|d[ée]mocratique"
    r"|democr[áa]tico|lib[ée]ral|liberal|populaire|popular|people's|people|peuple|national"
    r"|nationale|nacional|r[ée]publicain|republican|chr[ée]tien|christian|progressiste"
    r"|progressive|progresista|travailliste|labour|labor|green|vert|verts"
    r"|du|de|la|le|des|pour|for|of|the|et|and|y|del|los|las|el"
)


def party_of_ideas(words: list[str]) -> bool:
    """Is a key a word for a party and words for political ideas, and nothing else: the
    kind of party, which many countries have ("parti social démocrate", "liberal party"),
    not one party ("progressive socialist party" yes, "sudan people's party" no)?

    >>> party_of_ideas("parti libéral démocrate".split()), party_of_ideas(["party"])
    (True, False)
    """
    return (
        len(words) > 1
        and any(_PARTY.fullmatch(w) for w in words)
        and all(_PARTY.fullmatch(w) or _IDEAS.fullmatch(w) for w in words)
    )


@cache
def country_words() -> frozenset[str]:
    """Countries, present or historic, whose pycountry name (before a comma) is one word
    of five or more letters ("somalia", "yugoslavia", "liberia"; not "Central African
    Republic")."""
    names = (
        (getattr(country, field, "") or "").split(",")[0].strip()  # "Yugoslavia, (Socialist) …"
        for db in (pycountry.countries, pycountry.historic_countries)
        for country in db
        for field in ("name", "common_name")
    )
    return frozenset(n.lower() for n in names if re.fullmatch(r"[A-Za-z]{5,}", n))


def _whole(parts: list[Component]) -> Component:
    return frozenset().union(*(a for a, _ in parts)), frozenset().union(*(w for _, w in parts))


def _clusters(parts: list[Component], mine: list[Seen], generic: frozenset[str]) -> list[Component]:
    """``parts`` joined where their mentions share a name that identifies the body."""
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(range(len(parts)))
    owner: dict[str, int] = {}
    for i, (agts, _) in enumerate(parts):
        for s in mine:
            tying = s.path not in ALONE and s.path not in TRANSLATIONS
            if s.agreement in agts and tying and s.key not in generic:
                graph.add_edge(owner.setdefault(s.key, i), i)
    out = []
    for joined in nx.connected_components(graph):
        agts = frozenset().union(*(parts[i][0] for i in joined))
        where = frozenset().union(*(parts[i][1] for i in joined))
        out.append((agts, where))
    return sorted(out, key=lambda c: (sorted(c[1]), sorted(c[0])))


__all__ = [
    "agreement_places",
    "components",
    "generic_names",
    "main_place",
    "place_name",
    "party_of_ideas",
    "place_tag",
    "split_by_place",
    "state_initials",
]
