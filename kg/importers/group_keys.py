"""What a body's names say: the key its spellings share, whether it is an international
organisation, which spelling is its label, and which keys name one body.

:mod:`kg.importers.group_mining` uses these when it mines bodies from PA-X.

Examples
--------
>>> group_key("Nagorno Karabakh Republic") == group_key("the Republic of Nagorno-Karabakh")
True
>>> io_name("United Nations Mission in Sudan")
True
>>> list(same_words(["shan state restoration council", "restoration council shan state"]))
[('council', 'restoration', 'shan', 'state')]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from kg.importers.states import StateIndex

_IO = re.compile(
    r"\b(?:United Nations|(?-i:UN)\b|Nations Unies|Naciones Unidas|Na[çc][õo]es Unidas"
    r"|Intergovernmental"
    r"|Intergouvernementale?|Commonwealth|Francophonie|Treaty Organi[sz]ation"
    r"|(?:Security|Co.?operation|Measures) in (?:Europe|Asia)"
    r"|League of Arab|Arab League|Islamic (?:Conference|Cooperation)|Coop[ée]ration Islamique"
    r"|(?:African|Asian|European|Economic|Cooperation|Co.operation)"
    r" (?:Union|Unity|Community|Organi[sz]ation|Association)|Development Community"
    r"|(?:Union|Communaut[ée]|Organisation)"
    r" (?:Africaine|Europ[ée]enne|[ÉE]conomique|Internationale)"
    r"|(?:International|World|Asian) (?:\w+ ){0,2}Organi[sz]ation)\b"
    r"|\b(?:Organi[sz]ation|League|Ligue|Liga|Community|Communaut[ée]|Comunidad|Union|Commonwealth)"
    r"\b.*\b(?:States|[ÉE]tats|Estados)\b",
    re.I,
)
"""A name that says its members are states (the ontology's international organisation):
the United Nations' bodies, a union, community or organisation of a continent or region
("African Union", "East African Community", "Organisation for Security and Co-operation
in Europe"), or of states ("League of Arab States"). A union, community or organisation
of one country's people ("Islamic Courts Union", "Acholi Community") is a body."""
_NOT_IO = re.compile(r"\b(?:Liberation|Movement|Front|Army|Party|Forces|Rebel|National)\b", re.I)
PARTY_ABBR = re.compile(r"(?i:parti|party|partido)\s+([A-Z][A-Z0-9-]*[A-Z0-9])")
"""A party named by its abbreviation ("Parti UPRONA"): the party the abbreviation names."""
_KEY_DROP = re.compile(r"\b(?:the|republic|r[ée]publique|rep[úu]blica|of|authorities)\b", re.I)


_BRITISH = {"centre": "center", "defence": "defense", "isation": "ization"}
"""British spellings and their American ones: one name, whichever a text writes."""
_SPELT_TWO_WAYS = re.compile("|".join(w for pair in _BRITISH.items() for w in pair))
_OTHER_WAY = _BRITISH | {american: british for british, american in _BRITISH.items()}
_SPELLING = re.compile(rf"{_SPELT_TWO_WAYS.pattern}|\bco op|'|\bforces\b")
"""British or American spellings (:data:`_BRITISH`), "co-operation" or "cooperation", a
name with or without its apostrophe ("People's", "Peoples"), "Force" or "Forces"
("Bougainville Resistance Force(s)"): one key."""


def group_key(name: str) -> str:
    """The key spellings of one body share ("Republic of Nagorno-Karabakh" → "nagorno karabakh").

    Examples
    --------
    >>> group_key("Nagorno Karabakh Republic") == group_key("the Republic of Nagorno-Karabakh")
    True
    >>> group_key("UNION EUROPEENNE") == group_key("Union Européenne")
    True
    >>> group_key("Co-operation Organisation")
    'cooperation organization'
    """
    return _SPELLING.sub(_one_spelling, plain_key(name))


def _one_spelling(found: re.Match[str]) -> str:
    text = found.group(0)
    if text == "forces":
        return "force"
    if text in _OTHER_WAY:
        return _BRITISH.get(text, text)  # the American spelling
    return "coop" if text.startswith("co") else ""


def plain_key(name: str) -> str:
    """:func:`group_key` as the name spells it: what a body's IRI is made of."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    flat = re.sub(r"[^\w']+", " ", bare.replace("’", "'"))
    return " ".join(_KEY_DROP.sub(" ", flat).lower().split())


def spelling_key(name: str) -> str:
    """What two spellings of one name share, whatever their hyphens, spaces, case and
    British or American spelling ("Organisation for Security and Co-operation in
    Europe", "Organization for Security and Cooperation in Europe").

    >>> spelling_key("Co\u2010operation Organisation") == spelling_key("cooperation organization")
    True
    """
    joined = re.sub(r"[\W_]+", "", name.lower())
    return _SPELT_TWO_WAYS.sub(lambda m: _BRITISH.get(m.group(0), m.group(0)), joined)


def british_or_american(form: str) -> list[str]:
    """A lowercase spelling and its other one, British or American ("centre" and
    "center", "-isation" and "-ization", "defence" and "defense").

    >>> british_or_american("henry dunant center")
    ['henry dunant center', 'henry dunant centre']
    """
    other = _SPELT_TWO_WAYS.sub(lambda m: _OTHER_WAY[m.group(0)], form)
    return [form] if other == form else [form, other]


_AND = {"et": "and", "y": "and"}
"""The other languages' "and", written as English's when spellings are compared: the
word stays ("Conflict and Resolution Committee" is not the "Conflict Resolution
Committee")."""


def _states_named(key: str) -> str:
    """``key`` with each state it names, by name or adjective, as the state's code:
    "colombian episcopal conference" → "COL episcopal conference"."""
    text = " ".join(w[:1].upper() + w[1:] for w in key.split())
    for found in reversed(StateIndex.default().find(text)):
        text = f"{text[: found.start]}{found.alpha3}{text[found.end :]}"
    return text.lower()


def same_words(keys: Iterable[str]) -> dict[tuple[str, ...], list[str]]:
    """Keys with the same words in another order, or with "for" where another has "of"
    (a key has no "of"), or "and" in another language, or a state's adjective for its
    name: "restoration council shan state" and "shan state restoration council",
    "organization for african unity" and "organization african unity", "revolution and
    justice" and "revolution et justice", "colombian episcopal conference" and
    "episcopal conference colombia"; and an international organisation's name with or
    without "Organization" after it: "united nations organization" and "united nations"
    (not before it: Sudan's "Organisation of African Union" of 1998 is not the African
    Union)."""
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in sorted(keys):
        named = _states_named(key).split()
        if named[-1:] == ["organization"] and io_name(" ".join(named[:-1])):
            named.pop()  # "United Nations Organization": the United Nations
        words = tuple(sorted(_AND.get(w, w) for w in named if w != "for"))
        if len(words) >= 2:
            by_words[words].append(key)
    return {words: found for words, found in by_words.items() if len(found) > 1}


def io_name(label: str) -> bool:
    """Does the name say its members are states (:data:`_IO`), as no armed group's does?

    >>> io_name("United Nations Mission in Sudan"), io_name("Islamic Courts Union")
    (True, False)
    """
    return bool(_IO.search(label)) and not _NOT_IO.search(label)


_UN_ABBR = re.compile(r"UN(?!S?R?SG$)[A-Z]{2,}")
"""A UN body's abbreviation ("UNHCR"), not a UN officer's title ("UNSG", "UNSRSG")."""


def the_uns(names: Iterable[str]) -> bool:
    """A body PA-X names only by an abbreviation that begins with "UN" ("UNPROFOR",
    "UNHCR"): the United Nations' by its naming; a national "Union Nationale …" has its
    name beside it ("UNITA", "UNDD")."""
    names = list(names)
    return all(bare(n) for n in names) and any(_UN_ABBR.fullmatch(n) for n in names)


def plainness(name: str) -> tuple[bool, bool]:
    """How a label ranks among a body's spellings, before their counts: a name before an
    abbreviation (:func:`bare`), one in small letters before one in capitals ("Liberian
    Action Party", not "LIBERIAN ACTION PARTY")."""
    return bare(name), not any(ch.islower() for ch in name)


def bare(name: str) -> bool:
    """An abbreviation's spelling, not a name: no space and no small letter ("MAPP/OEA"),
    or a party's abbreviation after "Parti" ("Parti UPRONA")."""
    plain = " " not in name and not any(ch.islower() for ch in name)
    return plain or PARTY_ABBR.fullmatch(name) is not None


__all__ = [
    "PARTY_ABBR",
    "bare",
    "british_or_american",
    "group_key",
    "io_name",
    "plain_key",
    "plainness",
    "same_words",
    "spelling_key",
    "the_uns",
]
