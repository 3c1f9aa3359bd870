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
follows. Every label is a spelling PA-X writes; each actor cites the agreements
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
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from kg.importers.group_names import candidates, is_state_or_generic
from kg.importers.mentions import Mention
from kg.importers.patterns import CKG, ID, slug
from kg.importers.states import StateIndex
from kg.importers.trie import trie_pattern

_IO = re.compile(
    r"\b(?:United Nations|Nations Unies|Naciones Unidas|Na[çc][õo]es Unidas|Union|Organi[sz]ation"
    r"|Organisation|Organizaci[óo]n|Community|Communaut[ée]|Comunidad|Intergovernmental|League"
    r"|Commonwealth)\b"
)
_NOT_IO = re.compile(r"\b(?:Liberation|Movement|Front|Army|Party|Forces|Rebel|National)\b", re.I)
_KEY_DROP = re.compile(r"\b(?:the|republic|r[ée]publique|rep[úu]blica|of|authorities)\b", re.I)
MINT_NOTE = (
    "Minted by the PA-X importer: a body PA-X names in its signatory or third-party text; "
    "its labels are the spellings PA-X writes (a French, Spanish or Portuguese name is also "
    "its English label, as a proper name), its agreements attest it."
)


def group_key(name: str) -> str:
    """The key spellings of one body share ("Republic of Nagorno-Karabakh" → "nagorno karabakh").

    Examples
    --------
    >>> group_key("Nagorno Karabakh Republic") == group_key("the Republic of Nagorno-Karabakh")
    True
    """
    flat = re.sub(r"[^\w']+", " ", name.replace("’", "'"))
    return " ".join(_KEY_DROP.sub(" ", flat).lower().split())


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


class GroupIndex:
    """The mined bodies of an import, found again in mention text."""

    def __init__(
        self,
        groups: dict[str, Group],
        states: dict[str, str] | None = None,
        scoped: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.groups = groups
        self.state_aliases = dict(states or {})
        """Abbreviations PA-X gives a state's government ("GRP" → PHL), by ISO code."""
        self.scoped = dict(scoped or {})
        """Abbreviations that name their body only in these agreements (AgtIds)."""
        forms: _Forms = _Forms()
        abbrs: _Forms = _Forms()
        for abbr in self.state_aliases:
            abbrs.setdefault(abbr, "")
        for key, group in sorted(groups.items()):
            for name, _ in group.names:
                if name not in group.aliases:  # abbreviations match in capitals only
                    forms.setdefault(name.lower(), key)
            for abbr in group.aliases:
                abbrs.setdefault(abbr, key)
        self._forms, self._abbrs = forms, abbrs
        alts = sorted(forms, key=lambda f: (-len(f), f))
        self._names = _alternation(alts, re.I)
        self._abbr_re = _alternation(sorted(abbrs, key=lambda f: (-len(f), f)), 0)

    @classmethod
    def mine(
        cls, mentions: Iterable[tuple[str, Mention]], states: StateIndex | None = None
    ) -> GroupIndex:
        """Collect the bodies named in ``mentions`` ((AgtId, mention) pairs)."""
        states = states or StateIndex.default()
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        paths: dict[str, set[str]] = defaultdict(set)
        state_aliases: dict[str, Counter[str]] = defaultdict(Counter)
        languages: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        aliases: dict[str, set[str]] = defaultdict(set)
        cited: dict[str, set[str]] = defaultdict(set)
        tied: dict[str, dict[str, set[str]]] = {
            "first": defaultdict(set),
            "other": defaultdict(set),
        }
        for agt_id, mention in mentions:
            for name, abbr, path in candidates(mention.match_text, states):
                if abbr or path == "alone":  # alone: used as a name in its own right
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
                if not key:
                    continue
                paths[key].add(path)
                spellings[key][name] += 1
                languages[(key, name)][mention.language] += 1
                cited[key].add(agt_id)
                if abbr:
                    aliases[key].add(abbr)
        for key in [k for k, p in paths.items() if p == {"alone"}]:
            token = next(iter(spellings[key]))
            if token in state_aliases or token in {a for v in aliases.values() for a in v}:
                aliases[key].add(token)  # merged below with the name it abbreviates
        _merge_by_alias(spellings, aliases, cited, paths, languages)
        groups = {}
        for key, names in spellings.items():
            if paths[key] == {"republic"}:  # "X Republic" alone may be a state's adjective
                continue
            if paths[key] == {"alone"}:
                if len(cited[key]) < 2 or next(iter(names)) in state_aliases:
                    continue  # an abbreviation alone counts once two agreements use it
                aliases[key] |= set(names)
            label = sorted(names.items(), key=lambda kv: (kv[0] in aliases[key], -kv[1], kv[0]))[0][
                0
            ]  # a name before its abbreviation
            cls_ = (
                CKG.InternationalOrganization
                if _IO.search(label) and not _NOT_IO.search(label)
                else CKG.Actor
            )
            groups[key] = Group(
                ID[f"pax-group-{slug(key)}"],
                cls_,
                label,
                tuple(
                    (name, languages[(key, name)].most_common(1)[0][0])
                    for name in sorted(names)
                    if name not in aliases[key] or name == label
                ),
                tuple(sorted(aliases[key])),
                tuple(sorted(cited[key], key=int)),
            )
        aliases_of_states = {
            abbr: codes.most_common(1)[0][0]
            for abbr, codes in state_aliases.items()
            if len(codes) == 1 and not any(abbr in g.aliases for g in groups.values())
        }
        widely = {a for a, agts in tied["other"].items() if a not in tied["first"] or len(agts) > 1}
        scoped = {a: frozenset(agts) for a, agts in tied["first"].items() if a not in widely}
        return cls(groups, aliases_of_states, scoped)

    def without(self, known: Iterable[str]) -> GroupIndex:
        """The index without groups any of whose spellings is in ``known`` (lowercase)."""
        drop = set(known)
        return GroupIndex(
            {
                k: g
                for k, g in self.groups.items()
                if not ({n.lower() for n, _ in g.names} | {a.lower() for a in g.aliases}) & drop
            },
            self.state_aliases,
            self.scoped,
        )

    def find(self, text: str, *, agreement: str | None = None) -> list[Group]:
        """The mined bodies named in ``text`` (by a spelling, or an abbreviation in capitals).

        An abbreviation PA-X ties to its name only as "ABBR name" counts only in
        the agreements that tie it (``agreement``: the AgtId the text is from).
        """
        keys: dict[str, None] = {}
        if self._names is not None:
            for m in self._names.finditer(text):
                if not _faction_of(text, m.start(), m.end()):
                    keys[self._forms[m.group(0).lower()]] = None
        if self._abbr_re is not None:
            for m in self._abbr_re.finditer(text):
                if text.startswith(".", m.end()):  # "REV.", "GEN.": titles
                    continue
                if _faction_of(text, m.start(), m.end()):
                    continue
                scope = self.scoped.get(m.group(0))
                if scope is None or agreement in scope:
                    keys[self._abbrs[m.group(0)]] = None
        return [self.groups[k] for k in keys if k]

    def states_in(self, text: str) -> list[str]:
        """ISO codes of the states whose government's abbreviation ``text`` uses."""
        if self._abbr_re is None or not self.state_aliases:
            return []
        hits = (m.group(0).replace("-", " ") for m in self._abbr_re.finditer(text))
        return [self.state_aliases[h] for h in hits if h in self.state_aliases]


_FACTION = re.compile(
    r"\b(?:estado mayor (?:central|de bloques)|central general staff|dissident\w*|"
    r"disidencia\w*|faction\w*|splinter|"
    r"breakaway|segunda marquetalia)\b",
    re.I,
)
_NEAR = 32


def _faction_of(text: str, start: int, end: int) -> bool:
    """Is the body named at ``text[start:end]`` only the parent of a faction the text names
    ("Estado Mayor Central de las FARC-EP", "FARC-EP Central General Staff")? The faction
    is not the body it broke from: such a mention stays unresolved."""
    return bool(
        _FACTION.search(text[max(0, start - _NEAR) : start] + " " + text[end : end + _NEAR])
    )


class _Forms(dict[str, str]):
    """Spellings (lowercase) → group key; hyphen and space count as one."""

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.replace("-", " "))

    def setdefault(self, name: str, key: str) -> str:
        return super().setdefault(name.replace("-", " "), key)


def _merge_by_alias(
    spellings: dict[str, Counter[str]],
    aliases: dict[str, set[str]],
    cited: dict[str, set[str]],
    paths: dict[str, set[str]],
    languages: dict[tuple[str, str], Counter[str]],
) -> None:
    """One body per abbreviation: spellings PA-X ties to the same abbreviation, or that
    are the abbreviation ("For the FARC-EP:"), join the most frequent of them."""
    owners: dict[str, list[str]] = defaultdict(list)
    for key in sorted(spellings):
        for abbr in aliases.get(key, ()):
            owners[group_key(abbr)].append(key)
    for abbr_key, keys in sorted(owners.items()):
        members = set(keys) | ({abbr_key} & set(spellings))
        main = max(sorted(members), key=lambda k: sum(spellings[k].values()))
        for other in sorted(members - {main}):
            if other not in spellings:
                continue
            spellings[main].update(spellings.pop(other))
            aliases[main] |= aliases.pop(other, set())
            cited[main] |= cited.pop(other, set())
            paths[main] |= paths.pop(other, set())
            for (k, name), langs in list(languages.items()):
                if k == other:
                    languages[(main, name)].update(langs)


def _alternation(forms: list[str], flags: int) -> re.Pattern[str] | None:
    if not forms:
        return None
    body = trie_pattern(forms, char=lambda ch: "[- ]" if ch in "- " else re.escape(ch))
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


__all__ = ["MINT_NOTE", "Group", "GroupIndex", "group_key"]
