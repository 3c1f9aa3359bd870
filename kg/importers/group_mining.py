"""Mining bodies from PA-X mentions: what each mention names, then one body per key.

:mod:`kg.importers.groups` calls these in two passes: once over every mention of
the import, and again, by :mod:`kg.importers.group_places`, over the mentions of
each set of agreements whose locations meet, for a body mined in places that never
meet.

Examples
--------
>>> from kg.importers.mentions import Mention
>>> from kg.importers.states import StateIndex
>>> seen, _, _ = observe([("1", Mention("Part", "Sudan Liberation Movement (SLM)", "signatory"))],
...                      StateIndex.default())
>>> [(g.label, g.aliases) for g, _ in build(seen, set()).values()]
[('Sudan Liberation Movement', ('SLM',))]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef

from kg.importers.group_candidates import ARMED, candidates
from kg.importers.group_context import said_alone, translations
from kg.importers.group_keys import (
    PARTY_ABBR,
    group_key,
    io_name,
    plain_key,
    plainness,
    same_words,
    the_uns,
)
from kg.importers.group_names import is_state_or_generic
from kg.importers.group_qualifiers import qualified_names
from kg.importers.mentions import Mention
from kg.importers.patterns import CKG, ID, slug
from kg.importers.states import StateIndex

TRANSLATED = "translated"
"""How :func:`observe` records a "Name (ABBR)" whose initials do not fit; two agreements
that write it make the name a spelling of the abbreviation's body."""
TRANSLATED_ALONE = "translated, alone"
"""A "Name (ABBR)" whose initials do not fit, as the whole of its mention ("The Aceh
Free Movement (GAM)"): one agreement that writes it is enough."""
TRANSLATIONS = frozenset({TRANSLATED, TRANSLATED_ALONE})
ALONE = frozenset({"alone", "after a person"})
"""How :func:`~kg.importers.group_candidates.candidates` finds an abbreviation used as a name
in its own right: anywhere, or only ever right after a person's name and comma."""


@dataclass(frozen=True)
class Group:
    """A body mined from PA-X: IRI, class, English label, other spellings, abbreviations."""

    iri: URIRef
    cls: URIRef
    label: str
    names: tuple[tuple[str, str], ...]
    """Every spelling PA-X writes, with the language of its text."""
    aliases: tuple[str, ...]
    agreements: tuple[str, ...]
    places: frozenset[str] = frozenset()
    """Where its agreements are (ISO codes, or the peace process of an agreement without
    one); empty when the import gave no places."""
    generic: bool = False
    """Is its name a kind of body ("National Reconciliation Commission"), which other
    countries' bodies share (:func:`kg.importers.group_places.generic_names`)?"""
    wide: bool = False
    """Does it act in places that never meet, which a name that says which body it is
    ties together (the Centre for Humanitarian Dialogue in Indonesia, Mali and the
    Central African Republic)?"""


@dataclass(frozen=True)
class Seen:
    """One name a mention gives: where, its key, spelling, abbreviation, how, language."""

    agreement: str
    key: str
    name: str
    abbr: str
    path: str
    language: str


def observe(
    mentions: Iterable[tuple[str, Mention]], states: StateIndex
) -> tuple[list[Seen], dict[str, Counter[str]], dict[str, dict[str, set[str]]]]:
    """The names ``mentions`` give, the states' abbreviations, and where each is tied."""
    mentions = list(mentions)
    seen: list[Seen] = []
    state_aliases: dict[str, Counter[str]] = defaultdict(Counter)
    tied: dict[str, dict[str, set[str]]] = {"first": defaultdict(set), "other": defaultdict(set)}
    for agt_id, mention in mentions:
        found_here = candidates(mention.match_text, states, side=bool(mention.side))
        found_here += [(name, "", "alone") for name in qualified_names(mention.match_text)]
        for name, abbr, path in found_here:
            party = PARTY_ABBR.fullmatch(name)
            abbr = abbr or (party[1] if party else "")  # "Parti UPRONA": UPRONA's
            if abbr or path in ALONE:  # used as a name in its own right
                how = "first" if path == "abbreviation first" else "other"
                tied[how][abbr or name].add(agt_id)
            found = states.find(name)
            one_state = found and len({f.alpha3 for f in found}) == 1
            if abbr and one_state and is_state_or_generic(name, states):
                state_aliases[abbr][found[0].alpha3] += 1  # "Government of Sudan (GoS)"
                continue
            if is_state_or_generic(name, states) or (
                path.startswith("republic") and (states.find(name) or states.fuzzy(name))
            ):
                continue
            key = group_key(name)
            if key:
                seen.append(Seen(agt_id, key, name, abbr, path, mention.language))
        pairs = translations(mention.match_text)
        for name, abbr in pairs:
            alone = len(pairs) == 1 and said_alone(mention.match_text, name, abbr)
            how = TRANSLATED_ALONE if alone else TRANSLATED
            seen.append(Seen(agt_id, group_key(name), name, abbr, how, mention.language))
    return seen + _armed_named_again(seen, mentions), state_aliases, tied


def _armed_named_again(seen: list[Seen], mentions: list[tuple[str, Mention]]) -> list[Seen]:
    """The agreements that name an armed body found as :data:`ARMED` anywhere in their
    text ("Leader of the United Tajik Opposition", where one other agreement lists "…,
    United Tajik Opposition"): sightings that count towards the two it needs. A body
    found otherwise too needs none (nor do its spellings count again)."""
    named_otherwise = {s.key for s in seen if s.path != ARMED}
    armed = {s.name: s for s in seen if s.path == ARMED and s.key not in named_otherwise}
    if not armed:
        return []
    names = "|".join(re.escape(n) for n in sorted(armed, key=lambda n: (-len(n), n)))
    pattern = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
    done = {(s.agreement, s.name) for s in armed.values()}
    out = []
    for agt_id, mention in mentions:
        for found in pattern.finditer(mention.match_text):
            first = armed[found.group(0)]
            if (agt_id, first.name) not in done:
                done.add((agt_id, first.name))
                out.append(Seen(agt_id, first.key, first.name, "", ARMED, mention.language))
    return out


class _Tally:
    """What the sightings of each key add up to."""

    def __init__(self, seen: Iterable[Seen]) -> None:
        self.spellings: dict[str, Counter[str]] = defaultdict(Counter)
        self.paths: dict[str, set[str]] = defaultdict(set)
        self.languages: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.cited: dict[str, set[str]] = defaultdict(set)
        self.members: dict[str, set[str]] = defaultdict(set)
        self.translated: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        """Key → abbreviation → the agreements that write "Name (ABBR)" with initials
        that do not fit: a translation's abbreviation, or a person's affiliation."""
        self.stated: dict[str, set[str]] = defaultdict(set)
        """Key → the abbreviations a mention gives it alone (:data:`TRANSLATED_ALONE`)."""
        for s in seen:
            if s.path in TRANSLATIONS:
                self.translated[s.key][s.abbr].add(s.agreement)
                if s.path == TRANSLATED_ALONE:
                    self.stated[s.key].add(s.abbr)
                continue
            self.paths[s.key].add(s.path)
            self.spellings[s.key][s.name] += 1
            self.languages[(s.key, s.name)][s.language] += 1
            self.cited[s.key].add(s.agreement)
            self.members[s.key].add(s.key)
            if s.abbr:
                self.aliases[s.key].add(s.abbr)

    def merge(self, main: str, other: str) -> None:
        self.spellings[main].update(self.spellings.pop(other))
        for table in (self.aliases, self.cited, self.paths, self.members):
            table[main] |= table.pop(other, set())
        for (k, name), langs in list(self.languages.items()):
            if k == other:
                self.languages[(main, name)].update(langs)


def build(seen: Iterable[Seen], state_abbrs: Container[str]) -> dict[str, tuple[Group, set[str]]]:
    """One body per key: key → (body, the keys of the sightings it joins)."""
    t = _Tally(seen)
    every_alias = {a for v in t.aliases.values() for a in v}
    for key in [k for k, p in t.paths.items() if p <= ALONE]:
        token = next(iter(t.spellings[key]))
        if token in state_abbrs or token in every_alias:
            t.aliases[key].add(token)  # merged below with the name it abbreviates
    _merge_by_alias(t)
    groups = {}
    for key, names in t.spellings.items():
        if t.paths[key] == {"republic"}:  # "X Republic" alone may be a state's adjective
            continue
        if t.paths[key] == {ARMED} and len(t.cited[key]) < 2:
            continue  # an armed body named so in one agreement only: maybe a title's words
        if t.paths[key] <= ALONE:
            if len(t.cited[key]) < 2 or next(iter(names)) in state_abbrs:
                continue  # an abbreviation alone counts once two agreements use it
            if t.paths[key] == {"after a person"}:
                continue  # only ever after a name: an honour ("Mr. X, EBS"), untied to a body
            t.aliases[key] |= set(names)
        aliases = t.aliases[key]
        best = min(
            names.items(), key=lambda kv: (kv[0] in aliases, *plainness(kv[0]), -kv[1], kv[0])
        )
        label = best[0]  # a name, not an abbreviation ("MAPP/OEA"), nor one in capitals
        io = io_name(label) or the_uns(names)
        spelt = Counter(
            plain_key(n) for n, k in names.items() for _ in range(k) if group_key(n) == key
        )
        group = Group(
            ID[f"pax-group-{slug(min(spelt, key=lambda p: (-spelt[p], p)))}"],
            CKG.InternationalOrganization if io else CKG.Actor,
            label,  # a name before its abbreviation
            tuple(
                (name, t.languages[(key, name)].most_common(1)[0][0])
                for name in sorted(names)
                if name not in aliases or name == label
            ),
            tuple(sorted(aliases)),
            tuple(sorted(t.cited[key], key=int)),
        )
        groups[key] = (group, t.members[key])
    return groups


def _merge_by_alias(t: _Tally) -> None:
    """One body per abbreviation: spellings PA-X ties to the same abbreviation, or that
    are the abbreviation ("For the FARC-EP:"), join the most frequent of them; so do the
    spellings and abbreviations tied through one another ("Mission to Support the Peace
    Process of the Organization of American States", "MAPP-OAS" and "MAPP-OEA").

    A name written with an abbreviation whose initials do not fit ("Free Aceh Movement
    (GAM)") is tied to it by two agreements, or one where it is the whole mention.
    Spellings with the same words in another order are one body
    (:func:`~kg.importers.group_keys.same_words`).
    """
    owners: dict[str, list[str]] = defaultdict(list)
    for key in sorted(t.spellings):
        for abbr in t.aliases.get(key, ()):
            owners[group_key(abbr)].append(key)
    for key, by_abbr in sorted(t.translated.items()):
        if key not in t.spellings:
            continue  # a name of no body (a person's, with an affiliation)
        tied = [a for a, agts in sorted(by_abbr.items()) if len(agts) >= 2 or a in t.stated[key]]
        abbr_key = group_key(tied[0]) if len(tied) == 1 else ""
        if abbr_key and (owners.get(abbr_key) or abbr_key in t.spellings):
            owners[abbr_key].append(key)  # "National Liberation Army (ELN)"
            t.aliases[key].add(tied[0])  # the body's label is a name, not "GAM"
    graph: nx.Graph[str] = nx.Graph()
    for keys in same_words(t.spellings).values():  # "Shan State Restoration Council"
        graph.add_edges_from((keys[0], other) for other in keys[1:])
    for abbr_key, keys in owners.items():
        members = set(keys) | ({abbr_key} if abbr_key in t.spellings else set())
        graph.add_nodes_from(members)
        first = min(members)
        graph.add_edges_from((first, other) for other in members - {first})
    for component in nx.connected_components(graph):
        main = max(sorted(component), key=lambda k: sum(t.spellings[k].values()))
        for other in sorted(component - {main}):
            t.merge(main, other)


__all__ = ["ALONE", "TRANSLATED", "TRANSLATIONS", "Group", "Seen", "build", "observe"]
