"""Actors mined from PA-X itself: named groups, bodies and authorities across agreements.

PA-X names non-state actors (movements, armed groups, parties, councils, sub-state
authorities) and international organisations in free text, often as a name followed
by its abbreviation in brackets: "South Sudan National Liberation Movement (SSNLM)".
This module reads every mention of the import once and collects:

- **name (ABBR)** pairs, where the abbreviation fits the initials of the words before
  it (rapidfuzz ratio of the initials and the abbreviation ≥ 60): PA-X itself ties
  the two together;
- **ABBR name** items of PA-X's lists of parties ("PCD Parti chrétien démocrate"),
  where the initials spell the abbreviation exactly. Such lists name dozens of small
  parties whose abbreviations other countries' parties reuse (PRC, ELAN), so an
  abbreviation tied only this way names its body only in the agreements that tie it;
- **bodies a mention speaks for**: "For the Krajina authorities:", "For
  Nagorno-Karabakh:" (not a state);
- **republics that are not states**: "Republic of Nagorno-Karabakh", "Nagorno
  Karabakh Republic".

Spellings with the same key (case, hyphens, "the", "Republic (of)" and
"authorities" set aside) are one actor; an abbreviation is an alias of the name it
follows. Every label is a spelling PA-X writes (a body split by place, see
:mod:`kg.importers.group_places`, adds its place); each actor cites the agreements
whose mentions name it. Nothing comes from a list typed by hand.

Examples
--------
>>> from kg.importers.mentions import Mention
>>> idx = GroupIndex.mine([("1", Mention("Part", "Sudan Liberation Movement (SLM)", "signatory"))])
>>> [(g.label, g.aliases, g.names) for g in idx.groups.values()]
[('Sudan Liberation Movement', ('SLM',), (('Sudan Liberation Movement', 'en'),))]
>>> [g.label for g in idx.find("Representative of the SLM")]
['Sudan Liberation Movement']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from kg.importers.group_context import in_persons_name, inside_longer_name
from kg.importers.group_keys import british_or_american, group_key, spelling_key
from kg.importers.group_mining import Group, build, observe
from kg.importers.group_places import split_by_place, state_initials
from kg.importers.group_qualifiers import QUALIFIER, qualified
from kg.importers.mentions import Mention
from kg.importers.patterns import CKG, folded
from kg.importers.states import StateIndex
from kg.importers.trie import trie_pattern

MINT_NOTE = (
    "Minted by the PA-X importer: a body PA-X names in its signatory or third-party text; "
    "its labels are the spellings PA-X writes (a French, Spanish or Portuguese name is also "
    "its English label, as a proper name), its agreements attest it."
)


class GroupIndex:
    """The mined bodies of an import, found again in mention text."""

    def __init__(
        self,
        groups: dict[str, Group],
        states: dict[str, str] | None = None,
        scoped: dict[str, frozenset[str]] | None = None,
        places: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.groups = groups
        """Key → body; a body split by place has the key ``key@tag@its own key``."""
        self.state_aliases = dict(states or {})
        """Abbreviations PA-X gives a state's government ("GRP" → PHL), by ISO code."""
        self.scoped = dict(scoped or {})
        """Abbreviations that name their body only in these agreements (AgtIds)."""
        self.places = dict(places or {})
        """Each agreement's places (:func:`~kg.importers.group_places.agreement_places`)."""
        self._split: dict[str, list[str]] = {}
        self._owns: dict[str, set[str]] = {}
        """Key → its body's spellings, folded, and abbreviations (:meth:`_own`), once."""
        self._taken = frozenset(a for g in groups.values() for a in g.aliases)
        """Abbreviations some body has: a state's only where the state is a location."""
        forms: _Forms = _Forms()
        abbrs: _Forms = _Forms()
        for key, group in sorted(groups.items()):
            base = key.split("@", 1)[0]
            if base != key:
                self._split.setdefault(base, []).append(key)
            for name, _ in group.names:
                if name not in group.aliases:  # abbreviations match in capitals only
                    for form in british_or_american(folded(name.lower())[0]):
                        forms.setdefault(form, base)
            for abbr in group.aliases:
                abbrs.setdefault(abbr, base)
        for abbr in self.state_aliases:  # a body's too ("CAR"): found as the body where it acts
            abbrs.setdefault(abbr, "")
        self._forms, self._abbrs = forms, abbrs
        alts = sorted(forms, key=lambda f: (-len(f), f))
        self._names = _alternation(alts, re.I)
        self._abbr_re = _alternation(sorted(abbrs, key=lambda f: (-len(f), f)), 0)

    @classmethod
    def mine(
        cls,
        mentions: Iterable[tuple[str, Mention]],
        states: StateIndex | None = None,
        *,
        places: Mapping[str, frozenset[str]] | None = None,
    ) -> GroupIndex:
        """Collect the bodies named in ``mentions`` ((AgtId, mention) pairs).

        With ``places`` (AgtId → places), a body named in agreements whose places
        never meet is one body per connected set of places
        (:mod:`kg.importers.group_places`), and an abbreviation names a body only in
        agreements where it acts.
        """
        states = states or StateIndex.default()
        mentions = list(mentions)
        seen, state_aliases, tied = observe(mentions, states)
        # with places, a state's abbreviation is told from a body's by where it is used
        # (below), not dropped everywhere: "CAR" is a party in Togo's agreements
        state_abbrs: Mapping[str, object] = {} if places else state_aliases
        built = build(seen, state_abbrs)
        groups = (
            split_by_place(built, seen, places, state_abbrs)
            if places
            else {key: group for key, (group, _) in built.items()}
        )
        one_state = {
            abbr: codes.most_common(1)[0][0]
            for abbr, codes in state_aliases.items()
            if len(codes) == 1
        }
        if places:  # a body's abbreviation that is a state's where the state is a location
            groups = {k: g for k, g in groups.items() if not _a_state_here(g, one_state)}
        widely = {a for a, agts in tied["other"].items() if a not in tied["first"] or len(agts) > 1}
        scoped = {a: frozenset(agts) for a, agts in tied["first"].items() if a not in widely}
        index = cls(groups, one_state, scoped, places)
        return index._named_where(mentions) if places else index

    def _named_where(self, mentions: Iterable[tuple[str, Mention]]) -> GroupIndex:
        """The index with each body acting also where a mention writes its name (not its
        abbreviation): "the International Conference on Former Yugoslavia" in Bosnia and
        Herzegovina makes "ICFY" there that body, although only Croatia's text ties them."""
        extra: dict[str, set[str]] = {}
        for agt_id, mention in mentions:
            here = self.places.get(agt_id, frozenset())
            text = mention.match_text
            for m in self._names.finditer(text) if self._names else ():
                if inside_longer_name(text, m.start()) or in_persons_name(text, m.start(), m.end()):
                    continue
                key = self._forms[m.group(0).lower()]
                if key in self.groups and self.groups[key].generic:
                    continue  # a kind of body, named in another country, is another body
                if key in self.groups and not self.groups[key].places >= here:
                    extra.setdefault(key, set()).update(here)
        for key, more in extra.items():  # places do not change the patterns: no new index
            self.groups[key] = replace(self.groups[key], places=self.groups[key].places | more)
        return self

    def without(self, known: Iterable[str]) -> GroupIndex:
        """The index without groups any of whose spellings is in ``known``, whatever their
        case, hyphens and British or American spelling
        (:func:`~kg.importers.group_keys.spelling_key`)."""
        drop = {spelling_key(k) for k in known}
        return GroupIndex(
            {
                k: g
                for k, g in self.groups.items()
                if not {spelling_key(n) for n in [*(n for n, _ in g.names), *g.aliases]} & drop
            },
            self.state_aliases,
            self.scoped,
            self.places,
        )

    def find(self, text: str, *, agreement: str | None = None) -> list[Group]:
        """The mined bodies named in ``text`` (by a spelling, or an abbreviation in capitals).

        An abbreviation PA-X ties to its name only as "ABBR name" counts only in
        the agreements that tie it (``agreement``: the AgtId the text is from). A body
        split by place is found only where it acts (by a spelling of its own where
        two of them act there), and so is the abbreviation of a body that acts in one
        set of places only, unless it is an international organisation, and a body
        whose name is generic ("National Reconciliation Commission").
        """
        keys: dict[str, None] = {}
        spans: list[tuple[int, int]] = []  # the names found, where they are in ``text``
        if self._names is not None:
            plain, where = folded(text)  # "Hayʼat Tahrīr al-Shām" is "Hayat Tahrir al-Sham"
            for m in self._names.finditer(plain):
                if not (
                    _faction_of(plain, m.start(), m.end())
                    or inside_longer_name(plain, m.start())
                    or in_persons_name(plain, m.start(), m.end())
                ):
                    key = self._forms[m.group(0).lower()]
                    key = self._qualified_body(plain, m.end(), key) or key
                    if not qualified(plain, m.end(), own=self._own(key), abbreviation=False):
                        keys[self._here(key, m.group(0), agreement)] = None
                        spans.append((where[m.start()], where[m.end()]))
        if self._abbr_re is not None:
            for m in self._abbr_re.finditer(text):
                if _TITLE_DOT.match(text, m.end()):  # "REV. John", "GEN. X": titles
                    continue  # not "the FARC - EP." (812), "Por el EPL." (1089)
                if _faction_of(text, m.start(), m.end()) or _inside_a_name(m, spans):
                    continue
                scope = self.scoped.get(m.group(0))
                if scope is None or agreement in scope:
                    base = self._abbrs[m.group(0)]
                    if qualified(text, m.end(), own=self._own(base), abbreviation=True):
                        continue
                    keys[self._here(base, m.group(0), agreement, abbreviation=True)] = None
        return [self.groups[k] for k in keys if k]

    def _qualified_body(self, text: str, end: int, key: str) -> str:
        """The key of "ABBR (Q)" when the body of ``key``, named in full before ``end``, is
        followed by "(Q)" and one of its abbreviations so qualified is a body of its own
        ("Communist Party of Nepal (UML)" is the CPN (UML)); else ``""``."""
        bracket = QUALIFIER.match(text, end)
        group = self.groups.get(key)
        if bracket is None or group is None:
            return ""
        for alias in group.aliases:
            form = f"{alias} ({bracket.group(1)})"
            other = self._abbrs.get(form) or self._forms.get(form.lower(), "")
            if other and other != key:
                return other
        return ""

    def _own(self, key: str) -> set[str]:
        """The spellings and abbreviations of the body of ``key``, lowercase."""
        if key not in self._owns:
            group = self.groups.get(key)
            names = group.names if group is not None else ()
            aliases = group.aliases if group is not None else ()
            self._owns[key] = {folded(n.lower())[0] for n, _ in names} | {
                a.lower() for a in aliases
            }
        return self._owns[key]

    def _here(
        self, base: str, spelling: str, agreement: str | None, *, abbreviation: bool = False
    ) -> str:
        """The key of the body ``spelling`` names in ``agreement``; "" when none acts there."""
        here = self.places.get(agreement or "", frozenset())
        if not base or base not in self._split:
            group = self.groups.get(base)
            acts_elsewhere = (
                (abbreviation or (group is not None and group.generic))
                and group is not None
                and group.cls != CKG.InternationalOrganization
                and not group.wide
                and bool(self.places)
                and not group.places & here
            )
            return "" if acts_elsewhere else base
        acting = [key for key in self._split[base] if self.groups[key].places & here]
        spelt = folded(spelling.lower())[0].replace("-", " ")
        for key in acting:
            group = self.groups[key]
            if spelt in {folded(n.lower())[0].replace("-", " ") for n, _ in group.names} or (
                spelling in group.aliases
            ):
                return key
        if len(acting) == 1:  # the one body of that name where the text is from
            return acting[0]
        return ""

    def states_in(self, text: str, *, agreement: str | None = None) -> list[str]:
        """ISO codes of the states whose government's abbreviation ``text`` uses.

        An abbreviation that is also a body's ("CAR", a party in Togo) is the state's
        only in agreements the state is a location of.
        """
        if self._abbr_re is None or not self.state_aliases:
            return []
        here = self.places.get(agreement or "", frozenset())
        hits = (m.group(0).replace("-", " ") for m in self._abbr_re.finditer(text))
        return [
            self.state_aliases[h]
            for h in hits
            if h in self.state_aliases and (h not in self._taken or self.state_aliases[h] in here)
        ]


_FACTION = re.compile(
    r"\b(?:estado mayor (?:central|de bloques)|(?-i:EMBF)|central general staff|dissident\w*|"
    r"disidencia\w*|faction\w*|splinter|breakaway|segunda marquetalia|"
    # the SPLM's factions: in Opposition (-IO), Former Detainees (FDs), -North (-N), Real
    r"in[\s-]*opposition|(?-i:IO|FDs?)|former detainees|real)\b|[-–]\s*(?:north|(?-i:N))\b",
    re.I,
)
_NEAR = 32


def _a_state_here(group: Group, states: Mapping[str, str]) -> bool:
    """Is ``group`` only an abbreviation of a state among its places: one PA-X ties to
    the state, or the initials of its name ("CAR" in the Central African Republic's
    agreements)?"""
    spellings = {name for name, _ in group.names} | set(group.aliases)
    return spellings <= set(group.aliases) and any(
        states.get(a) in group.places or state_initials(a, group.places) for a in group.aliases
    )


def _faction_of(text: str, start: int, end: int) -> bool:
    """Is the body named at ``text[start:end]`` only the parent of a faction the text names
    ("Estado Mayor Central de las FARC-EP", "FARC-EP Central General Staff")? The faction
    is not the body it broke from: such a mention stays unresolved."""
    if _FACTION.search(text[start:end]):  # "SPLM/A-IO", "Former Detainees": the faction
        return False
    return bool(
        _FACTION.search(text[max(0, start - _NEAR) : start] + " " + text[end : end + _NEAR])
    )


def _inside_a_name(m: re.Match[str], names: list[tuple[int, int]]) -> bool:
    """Is the abbreviation ``m`` a word inside a name found around it and written in
    capitals, neither its first nor its last ("EGLISE DU CHRIST AU CONGO": "au", not the
    AU)? A name in capitals and small letters writes an abbreviation as one ("AU/UN
    Mediation", "Secretary General of the UN for Somalia"), and a name may begin or
    end with another body's ("IGAD led Mediation"), which then names that body too."""
    text = m.string
    dashed = _DASHED.match(text, m.end())  # "FARC – EP": the FARC-EP's own first letters
    return any(
        start <= m.start()
        and m.end() < end
        and (dashed or start < m.start())
        and text[start:end].isupper()
        for start, end in names
    )


class _Forms(dict[str, str]):
    """Spellings (lowercase) → group key; a hyphen, a dash (spaced or not) and a space
    count as one ("FARC-EP", "FARC–EP", "FARC – EP")."""

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(_JOINER.sub(" ", name))

    def setdefault(self, name: str, key: str) -> str:
        return super().setdefault(_JOINER.sub(" ", name), key)


_DASHES = "‐‑–—-"  # the hyphen last: no range in a character class
_TITLE_DOT = re.compile(r"\.\s*[A-ZÀ-Þ]")
_DASHED = re.compile(rf"\s?[{_DASHES}]")
_JOINER = re.compile(rf"\s?[{_DASHES}]\s?|\s")
"""What joins two words of a name: a space, or a hyphen or dash with a space or none."""


def _alternation(forms: list[str], flags: int) -> re.Pattern[str] | None:
    if not forms:
        return None
    joiner = f"(?:{_JOINER.pattern})"
    body = trie_pattern(forms, char=lambda ch: joiner if ch in "- " else re.escape(ch))
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


__all__ = ["MINT_NOTE", "Group", "GroupIndex", "group_key"]
