"""Resolve actor mentions to the repository's actors, ISO 3166 states and public offices.

A mention resolves, in this order, to:

1. a curated actor whose label or alternative label (any language) is the whole mention;
2. states, when the mention is only state names ("Governments of the United States of
   America, the Republic of Armenia, and the Republic of Azerbaijan");
3. public offices named by title and state ("President of the Russian Federation",
   "Foreign ministers of A, B and C") and foreign or defence ministries;
4. curated organisations, mediation groups and persons named inside the mention
   ("Co-Chairs of the OSCE Minsk Group"), with the co-chair states where named;
5. failing all that, a state named inside the mention, unless the mention names a
   non-state body ("… Liberation Front of Sudan", "United Nations Mission in …").

Curated offices and ministries are found by what they are (``ckg:officeIn`` the state
and ``ckg:officeRole``), so "President of the Russian Federation" is the article's
``id:office-president-of-russia``. Anything else is minted deterministically
(``id:office-president-of-kazakhstan``). Unresolved mentions keep their text.

Examples
--------
>>> r = Resolver.from_graph(Graph())
>>> [str(m.iri) for m in r.resolve(Mention("Part", "For the Russian Federation:", "party")).matches]
['https://w3id.org/conflict-kg/id/russian-federation']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.importers.bodies import (
    acting_for,
    chaired_body,
    represented,
    without_place_states,
    without_subject_states,
    without_topics,
)
from kg.importers.group_keys import spelling_key
from kg.importers.groups import MINT_NOTE, Group, GroupIndex
from kg.importers.matches import Match, NewActor, Resolution
from kg.importers.mentions import Mention
from kg.importers.parts import roles_by_part
from kg.importers.patterns import (
    ACTOR_CLASSES,
    BLOCK,
    CKG,
    FORCES,
    ID,
    LEAD,
    MINISTRIES,
    NOT_HOLDER,
    OFFICES,
    PLURAL,
    PLURAL_RE,
    slug,
)
from kg.importers.person_initials import HOW as INITIALS
from kg.importers.person_initials import persons_by_initials
from kg.importers.state_text import StateText
from kg.importers.states import StateIndex, preferred_name

_BARE_STATE = ("state name", "state named", "state mission", "co-chair state")
_BODY_KINDS = (CKG.MediationGroup, CKG.InternationalOrganization, CKG.Actor)


def _distinct(matches: list[Match]) -> tuple[Match, ...]:
    """Matches without repeats, and without a state whose office or ministry is named too."""
    covered = {m.within for m in matches if m.within is not None}
    unique: dict[URIRef, Match] = {}
    for m in matches:
        if not (m.how in _BARE_STATE and m.iri in covered):
            unique.setdefault(m.iri, m)
    return tuple(unique.values())


def _spelt_any_way(label: str) -> str:
    """A pattern for ``label`` with any hyphen or none, and "-isation" or "-ization"
    ("Organization for Security and Cooperation in Europe" for the OSCE's "Co-operation")."""
    pattern = re.escape(label).replace(r"\-", "[-\u2010\u2011]?")
    return re.sub(r"i[sz]ation", "i[sz]ation", pattern)


class Resolver(StateText):
    """Resolve mentions against a curated graph, pycountry and office titles."""

    def __init__(self, curated: Graph, states: StateIndex) -> None:
        self.states = states
        self.subjects = set(curated.subjects())
        actors = {s for c in ACTOR_CLASSES for s in curated.subjects(RDF.type, c)}
        self.kind = {s: o for s in actors for o in curated.objects(s, RDF.type)}
        self.labels = {
            URIRef(str(s)): str(lab)
            for s in actors
            for lab in curated.objects(s, RDFS.label)
            if getattr(lab, "language", None) == "en"
        }
        self.exact: dict[str, URIRef] = {}
        contained: dict[str, URIRef] = {}
        for actor in sorted(actors, key=str):
            for p in (RDFS.label, SKOS.altLabel):
                for lab in curated.objects(actor, p):
                    text = str(lab).strip()
                    self.exact.setdefault(text.lower(), URIRef(str(actor)))
                    if (
                        getattr(lab, "language", None) == "en"
                        and len(text) >= 4
                        and self.kind.get(actor) != CKG.State
                    ):
                        contained.setdefault(text, URIRef(str(actor)))
        self.contained = contained
        self._spelt: dict[str, URIRef] = {}
        for text, iri in contained.items():
            self._spelt.setdefault(spelling_key(text), iri)
        labels = sorted(contained, key=lambda t: (-len(t), t))
        self._contained = (
            re.compile(
                r"(?<![\w-])(" + "|".join(_spelt_any_way(t) for t in labels) + r")(?![\w-])",
                re.I,
            )
            if labels
            else None
        )
        self.part_of = {
            (URIRef(str(s)), URIRef(str(o))) for s, o in curated.subject_objects(CKG.partOf)
        }
        self.offices = {
            (URIRef(str(s)), URIRef(str(r))): URIRef(str(o))
            for o in curated.subjects(RDF.type, CKG.Office)
            for s in curated.objects(o, CKG.officeIn)
            for r in curated.objects(o, CKG.officeRole)
        }
        self.bodies = {
            (URIRef(str(state)), str(lab)): URIRef(str(b))
            for b in curated.subjects(RDF.type, CKG.GovernmentBody)
            for state in curated.objects(b, CKG.partOf)
            for lab in curated.objects(b, RDFS.label)
        }
        self.iso_to_curated = self._curated_states(curated)
        self.groups = GroupIndex({})
        self.forces = {
            URIRef(str(state)): URIRef(str(f))
            for f in curated.subjects(RDF.type, CKG.ArmedForces)
            for state in curated.objects(f, CKG.forcesOf)
        }
        self.held = {
            (URIRef(str(h)), URIRef(str(o)))
            for holding in curated.subjects(RDF.type, CKG.OfficeHolding)
            for h in curated.objects(holding, CKG.holder)
            for o in curated.objects(holding, CKG.office)
        }

    @classmethod
    def from_graph(
        cls, curated: Graph, *, state_names: Mapping[str, str] | None = None
    ) -> Resolver:
        """A resolver over ``curated``; curated states' English labels are state names too,
        and so are ``state_names`` (name → alpha-3: those PA-X gives,
        :func:`kg.importers.pax_state_names.state_names`)."""
        resolver = cls(curated, StateIndex.default())
        extra = {
            str(lab): code
            for code, state in resolver.iso_to_curated.items()
            for lab in curated.objects(state, RDFS.label)
            if getattr(lab, "language", None) == "en" and resolver.states.lookup(str(lab)) is None
        }
        for name, code in (state_names or {}).items():
            extra.setdefault(name, code)
        if extra:
            resolver.states = StateIndex(extra)
        return resolver

    def _curated_states(self, curated: Graph) -> dict[str, URIRef]:
        out: dict[str, URIRef] = {}
        for state in sorted(curated.subjects(RDF.type, CKG.State), key=str):
            for lab in curated.objects(state, RDFS.label):
                if getattr(lab, "language", None) != "en":
                    continue
                code = self.states.lookup(str(lab)) or self._unique_prefix(str(lab))
                if code:
                    out.setdefault(code, URIRef(str(state)))
        return out

    def _unique_prefix(self, label: str) -> str | None:
        """The one state with a name starting with ``label`` ("Russia" → RUS), if unique."""
        low = label.lower()
        codes = {c for n, c in self.states.by_name.items() if n.startswith(low)}
        return codes.pop() if len(codes) == 1 else None

    # --- actors by kind -------------------------------------------------------------

    def state(self, alpha3: str, how: str, confidence: float) -> Match:
        """The curated or minted state with ISO code ``alpha3``."""
        if alpha3 in self.iso_to_curated:
            return Match(self.iso_to_curated[alpha3], how, confidence)
        name = preferred_name(alpha3)
        iri = ID[slug(name)]
        if iri in self.subjects:
            iri = ID[f"{slug(name)}-state"]
        new = NewActor(iri, CKG.State, name, ((SKOS.notation, Literal(alpha3)),))
        return Match(iri, how, confidence, (new,))

    def _state_name(self, alpha3: str) -> str:
        """The curated state's English label ("Russia"), else pycountry's name: what an
        office or a ministry minted in the state is named after."""
        curated = self.iso_to_curated.get(alpha3)
        label = self.labels.get(curated) if curated is not None else None
        return label or preferred_name(alpha3)

    def office(self, alpha3: str, role: URIRef, role_slug: str, title: str) -> Match:
        """The office with ``role`` in the state ``alpha3``, curated or minted."""
        st = self.state(alpha3, "office", 0.9)
        if (st.iri, role) in self.offices:
            return Match(self.offices[(st.iri, role)], "office", 0.9, within=st.iri)
        iri = ID[f"office-{role_slug}-of-{st.iri.rsplit('/', 1)[-1]}"]
        new = NewActor(
            iri,
            CKG.Office,
            f"{title} of {self._state_name(alpha3)}",
            ((CKG.officeIn, st.iri), (CKG.officeRole, role)),
        )
        return Match(iri, "office", 0.9, (*st.new, new), st.iri)

    def ministry(self, alpha3: str, body_slug: str, title: str, pattern: re.Pattern[str]) -> Match:
        """The foreign or defence ministry of ``alpha3``, curated or minted."""
        st = self.state(alpha3, "ministry", 0.9)
        for (state, label), body in sorted(self.bodies.items()):
            if state == st.iri and pattern.search(label):
                return Match(body, "ministry", 0.9, within=st.iri)
        iri = ID[f"{st.iri.rsplit('/', 1)[-1]}-{body_slug}"]
        new = NewActor(
            iri,
            CKG.GovernmentBody,
            f"{title} of {self._state_name(alpha3)}",
            ((CKG.partOf, st.iri),),
        )
        return Match(iri, "ministry", 0.9, (*st.new, new), st.iri)

    def use_groups(self, groups: GroupIndex) -> None:
        """Resolve to the bodies mined from PA-X too, except those the curated data has."""
        self.groups = groups.without(self.exact)

    def _group(self, group: Group) -> Match:
        others = [
            (SKOS.altLabel, Literal(name, lang=lang))
            for name, lang in group.names
            if name != group.label
        ]
        lang = next((lang for name, lang in group.names if name == group.label), "en")
        others += [(SKOS.altLabel, Literal(abbr, lang=lang)) for abbr in group.aliases]
        if lang != "en":  # the name as PA-X writes it is its name in English texts too
            others.append((RDFS.label, Literal(group.label, lang=lang)))
        new = NewActor(group.iri, group.cls, group.label, tuple(others), MINT_NOTE)
        return Match(group.iri, "pax group", 0.8, (new,))

    def _forces(self, text: str) -> list[Match]:
        """Curated armed forces named as the army or armed forces of their state."""
        found = []
        for m in FORCES.finditer(text):
            st = self._state_after(text, m.end())
            if st is None:
                continue
            state = self.state(st.alpha3, "forces", 0.8)
            if state.iri in self.forces:
                found.append(Match(self.forces[state.iri], "armed forces", 0.8, within=state.iri))
        return found

    def kind_of(self, match: Match) -> URIRef | None:
        """The class of a matched actor: curated, or the one it is minted with."""
        minted = next((n.cls for n in match.new if n.iri == match.iri), None)
        curated = self.kind.get(match.iri)
        return minted or (URIRef(str(curated)) if curated is not None else None)

    # --- resolution ---------------------------------------------------------------

    def _offices(self, text: str) -> tuple[list[Match], list[tuple[int, int]]]:
        found: list[Match] = []
        spans: list[tuple[int, int]] = []
        for m in PLURAL_RE.finditer(text):
            _, role, role_slug, title = OFFICES[PLURAL[m.group(1).lower()]]
            for st in self.states.find(text[m.end() :]):
                found.append(self.office(st.alpha3, role, role_slug, title))
                spans.append((m.start(), m.end() + st.end))
        for pattern, role, role_slug, title in OFFICES:
            for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text, re.I):
                taken = any(s <= m.start() < e for s, e in spans)
                if taken or NOT_HOLDER.search(text[: m.start()]):
                    continue
                after = self._state_after(text, m.end())
                if after is not None:
                    found.append(self.office(after.alpha3, role, role_slug, title))
                    spans.append((m.start(), after.end))
        return found, spans

    def _ministries(self, text: str, spans: list[tuple[int, int]]) -> list[Match]:
        found: list[Match] = []
        for pattern, body_slug, title, label_re in MINISTRIES:
            for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text):
                before = [s for s in self.states.find(text) if m.start() - 1 <= s.end <= m.start()]
                st = self._state_after(text, m.end()) or (before[-1] if before else None)
                if st is not None:
                    found.append(self.ministry(st.alpha3, body_slug, title, label_re))
                    spans.append((min(m.start(), st.start), max(m.end(), st.end)))
        return found

    def _curated(self, text: str) -> list[Match]:
        if self._contained is None:
            return []
        hits = {self._spelt[spelling_key(m.group(1))] for m in self._contained.finditer(text)}
        hits -= {outer for inner, outer in self.part_of if inner in hits}
        return [Match(iri, "curated label", 0.8) for iri in sorted(hits, key=str)]

    def _chaired(self, text: str, match: Match) -> bool:
        """Is ``match`` the body whose co-chairs ``text`` names, rather than a co-chair?"""
        if self.kind_of(match) not in _BODY_KINDS:
            return False
        labels = [t for t, iri in self.contained.items() if iri == match.iri]
        for new in (n for n in match.new if n.iri == match.iri):
            labels += [new.label, *(str(o) for p, o in new.links if p == SKOS.altLabel)]
        return chaired_body(text, labels)

    def _roles_of_bodies(self, mention: Mention, text: str, matches: list[Match]) -> list[Match]:
        """Matches, a body named as the one whose co-chairs act given ``thirdParty`` only."""
        if "co-chair" not in mention.roles:
            return matches
        return [replace(m, roles=("thirdParty",)) if self._chaired(text, m) else m for m in matches]

    def _actors_in(self, mention: Mention, part: str, agreement: str | None) -> set[URIRef]:
        """The actors one part of ``mention`` names: resolved alone, and states by name."""
        alone = self.resolve(replace(mention, text=part), agreement=agreement, by_part=False)
        found = {m.iri for m in alone.matches}
        return found | {self.state(s.alpha3, "state name", 0.8).iri for s in self.states.find(part)}

    def _who_acts(
        self, mention: Mention, who: str, *, agreement: str | None, by_part: bool
    ) -> tuple[Match, ...]:
        """The actors of ``who``, the part of ``mention`` that names whoever acts ("" none)."""
        if not who:
            return ()
        return self.resolve(
            replace(mention, text=who), agreement=agreement, by_part=by_part
        ).matches

    def resolve(
        self, mention: Mention, *, agreement: str | None = None, by_part: bool = True
    ) -> Resolution:
        """Resolve one mention.

        Parameters
        ----------
        mention : Mention
        agreement : str, optional
            The AgtId of the agreement the mention is from (some abbreviations name
            a body only in the agreements whose text ties them to it).

        Returns
        -------
        Resolution
            Its matches, deduplicated, in a stable order; none when unresolved.
        """
        text = without_subject_states(without_topics(mention.match_text), self.states.find)
        bare = LEAD.sub("", text).strip(" :.,;")
        if bare.lower() in self.exact:
            return Resolution(mention, (Match(self.exact[bare.lower()], "curated label", 1.0),))
        holder = acting_for(bare)  # "Republic of Togo (as the African Union facilitator)"
        acting = self._who_acts(mention, holder, agreement=agreement, by_part=by_part)
        if acting:
            return Resolution(mention, acting)
        principal, envoy = represented(bare)  # "…, Ambassador of Guinea, representing …"
        if principal and envoy:  # whom the ambassador represents acts, not his state
            acting = self._who_acts(mention, principal, agreement=agreement, by_part=by_part)
            return Resolution(mention, acting)
        matches = self._state_list(bare) or self._states_after_colons(bare)
        if not matches:
            matches = self._named(mention, text, agreement=agreement, by_part=by_part)
        return Resolution(mention, _distinct(matches))

    def _by_initials(self, text: str, matches: list[Match]) -> list[Match]:
        """Curated holders of the offices ``matches`` name, named by initials in ``text``."""
        offices = [m.iri for m in matches if m.how == "office"]
        have = {m.iri for m in matches}
        return [
            Match(person, INITIALS, 0.7)
            for person in persons_by_initials(text, offices, self.held, self.labels)
            if person not in have
        ]

    def _states_after_colons(self, text: str) -> list[Match]:
        """The states after the colon of each side ("X, on behalf of: the Republic of the
        Sudan; Y, on behalf of: The Republic of South Sudan", 857), when every side names
        only states there; none when one side names something else."""
        listed = [self._state_list(side.rsplit(":", 1)[-1]) for side in text.split(";")]
        return [m for states in listed for m in states] if all(listed) else []

    def _named(
        self, mention: Mention, text: str, *, agreement: str | None, by_part: bool
    ) -> list[Match]:
        """The actors a mention that is no list of states names, with their roles."""
        places = without_place_states(text, self.states.find)  # "regions of X": X no actor
        matches, spans = self._offices(places)
        matches += self._ministries(places, spans)
        curated = self._curated(text)
        matches += curated
        matches += self._forces(text)
        matches += [self._group(g) for g in self.groups.find(text, agreement=agreement)]
        matches += [
            self.state(code, "state abbreviation", 0.8)
            for code in self.groups.states_in(text, agreement=agreement)
        ]
        matches += self._missions(places)
        groups = [m for m in curated if self.kind.get(m.iri) == CKG.MediationGroup]
        if groups and {"mediator", "co-chair"} & set(mention.roles):
            matches += [
                self.state(s.alpha3, "co-chair state", 0.8) for s in self.states.find(places)
            ]
        if not matches and not BLOCK.search(text):
            matches = self._states_named(places)
        matches += self._state_segments(places)
        matches += self._by_initials(text, matches)
        if by_part:
            matches = roles_by_part(
                mention, matches, lambda part: self._actors_in(mention, part, agreement)
            )
        return self._roles_of_bodies(mention, text, matches)


__all__ = ["CKG", "ID", "Match", "NewActor", "Resolution", "Resolver", "slug"]
