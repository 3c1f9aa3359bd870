"""What a body's name is in PA-X mention text: the words and patterns of names, an
abbreviation whose initials fit a name, and what is only a state or a generic word.

:mod:`kg.importers.group_candidates` finds the candidate names with these. Names
that are only a state (with "Government", "Republic of" …) or a generic word
("Government", "Paramount chief") are no candidates.

Examples
--------
>>> from kg.importers.states import StateIndex
>>> named_before("the leaders of the Sudan Liberation Movement ", "SLM")
'Sudan Liberation Movement'
>>> is_state_or_generic("Government of Sudan", StateIndex.default())
True
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from kg.importers.patterns import BLOCK
from kg.importers.states import StateIndex

_ABBR = re.compile(r"\(\s*([A-Z][A-Za-z0-9&'/.-]{1,14})\s*\)")
_WORD = re.compile(r"[\w'’.&-]+")
_INNER_ABBR = re.compile(r"\s([A-Z][A-Z0-9&]+(?:-[A-Z0-9]+)?)\s+[A-ZÀ-Þ][a-zß-ÿ]")
"""An abbreviation inside a name, before a capitalised word: two "ABBR name" items glued."""
_ITEM_END = re.compile(r"[,;:()\[\]]|\s[-–—]\s")
_GLUE = {"of", "the", "for", "and", "de", "du", "des", "la", "le", "del", "y", "et", "in", "on"}
_GLUE |= {"el", "los", "las", "do", "da", "e", "to", "d'", "l'", "al", "en", "por", "pour"}
_SPEAKS_FOR = re.compile(
    r"^(?i:for|from|on behalf of|pour|au nom d[eu]|por|en nombre de|pelo|pela|em nome d[aeo])\s+"
    r"(?i:the\s+|la\s+|le\s+|el\s+|l')?"
    # "For the delegation of the National Reconciliation Commission:" (309)
    r"(?i:(?:delegation|d[ée]l[ée]gation|delegaci[óo]n)\s+(?:of|de|du|de\s+la|del)\s+"
    r"(?:the\s+|la\s+|l')?)?"
    r"(?P<x>[A-Z][^:;,()\[\]]{2,80}?)\s*:"
)
_REPUBLIC = re.compile(
    r"(?:[A-Z][a-z]+\s+)?(?:Republic|R[ée]publique|Rep[úu]blica)\s+(?:of|du|de|del|da|do)\s+(?:the\s+)?"
    r"(?P<x>[A-Z][\w']*(?:[ -][A-Z][\w']*){0,2})"
    r"|(?P<y>[A-Z][\w']*(?:[ -][A-Z][\w']*){0,2})\s+Republic\b"
)
_GENERIC = re.compile(
    r"(?:the\s+)?(?:government|parties|party|delegation|side|sides|leadership|people|"
    r"armed forces|army|president|minister|representatives?|witness(?:es)?|mediators?|"
    r"paramount chiefs?|chiefs?|elders?|youth|women|civil society|soci[ée]t[ée] civile|"
    r"observers?|guarantors?|signatories|co-?chairs?|facilitators?|[a-z]|[IVX]+|"
    # words PA-X writes where a name would be: roles, titles, honours, list headings
    r"(?:first|second|third|signatory)\s+party|(?:political|\w+)\s+parties|witnessed|signed|"
    r"(?:executive|head|deputy|sub|paramount)\s+chiefs?|civil society organi[sz]ations?|"
    r"MHR|CBE|OBE|MBE)",
    re.I,
)
_NAMED_BODY = re.compile(r"\b(?:[Aa]frican [Uu]nion|[Aa]rab [Ll]eague|IGAD|ECOWAS|SADC|OAU)\b")
"""Names of bodies that :data:`~kg.importers.patterns.BLOCK` lists among the words that
mark a non-state body: such a name is a body of its own, never generic."""
ABBREVIATION = r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*"
"""An abbreviation as PA-X writes one: two capitals or more ("CPN", "FARC-EP", "SPLM/A")."""
_TITLES_ABROAD = r"representantes?|repr[ée]sentants?|presidente|secretario|secr[ée]taire|jefe"
"""Titles in Spanish and French ("Representante de la Iglesia:", 1111)."""
_TITLE_FIRST = re.compile(
    r"\W*(?:(?:the|le|la|les|el|los|las)\s+)?"  # "Le Chef de mission:" (2192)
    r"(?:deputy|vice|chair\w*|head|commander|minister|president|pr[ée]sident|representatives?|"
    r"chiefs?|chef|secretary|director|member|leader|coordinator|delegate|delegation|"
    rf"d[ée]l[ée]gation|delegaci[óo]n|envoy|ambassador|acting|{_TITLES_ABROAD}|"
    r"d[ée]l[ée]gu[ée]s?|delegados?)\b",
    re.I,
)
_ORG_WORD = re.compile(
    r"(?<![\w-])(?:council|committee|community|communities|party|parti|partido|front|frente|"
    r"movement|mouvement|movimiento|church|churches|[ée]glise|iglesia|association|"
    r"alliance|union|coalition|congress|forum|network|r[ée]seau|platform|plateforme|"
    r"bureau|conference|conf[ée]rence|programme|program|task force|group|groupe|"
    r"organi[sz]ation|federation|league|society|soci[ée]t[ée]|foundation|fondation|"
    r"collective|collectif|coordination|convention|rassemblement|initiative)(?![\w-])",
    re.I,
)
_TITLE_ANY = re.compile(
    r"\b(?:chair\w*|president|minister|secretary|representative|delegate|commander|"
    r"chief|chiefs of staff|chef|deputy|director|leader|coordinator|members?|governor|commissioner|"
    r"ambassador|envoy|"
    r"advis[eo]rs?|signed|witness\w*|mediat\w*|facilitat\w*|observer\w*|guarant\w*|negotiator|"
    rf"delegation|d[ée]l[ée]gation|delegaci[óo]n|{_TITLES_ABROAD})\b",
    re.I,
)
_ELIDED = re.compile(r"^\w{0,3}['’](?=[A-Z])")
_HONORIFIC = re.compile(r"(?:h\.\s?e|hon|mr|mrs|ms|dr|prof|rev|gen|col|amb|mme)\b\.?\s", re.I)
_LEADING_GLUE = re.compile(r"(?:and|or|on behalf|of|the|with|et|y|e|as)\b", re.I)
_LED = re.compile(r"[\s-]led\s+(?:mediation|facilitation|process|talks|negotiations)$", re.I)
"""A body's work, not a body: "the IGAD led Mediation" (1357, 2112) is IGAD's."""
_STATE_GLUE = re.compile(
    r"[\s,;:.]*(?:(?:and|the|of|on behalf|for|delegation|republic|r[ée]publique|rep[úu]blica|"
    r"government|gouvernement|gobierno|governo|de|du|del|da|do|la|le|el|federal|democratic|"
    # the words of a state's official name ("the People's Republic of Mozambique", 419)
    r"people['’]?s|popular|populaire|islamic|islamique|socialist|socialiste|socialista)"
    r"\b[\s,;:.]*)*",
    re.I,
)


_ARTICLE = re.compile(r"^(?:\w{0,3}['’]|(?i:al|el|ad|an|ar|as|ash|at|az|ud|ul)-(?=\w))")
"""An elided article ("d'", "l'") or an Arabic one ("al-Sham"), which gives no initial."""


def _initials(words: list[str]) -> str:
    bare = (_ARTICLE.sub("", w) for w in words if w.lower() not in _GLUE)
    return "".join(w[0].upper() for w in bare if w and w[0].isalpha())


def _fits(initials: str, letters: str) -> bool:
    """Do a name's initials fit an abbreviation (also in another word order: FARC, RAFC)?"""
    if not initials or not letters:
        return False
    if initials == letters or sorted(initials) == sorted(letters):
        return True
    return initials[0] == letters[0] and fuzz.ratio(initials, letters) >= 75


def _named_before(text: str, abbr: str) -> str | None:
    """The shortest run of words before "(ABBR)" whose initials fit the abbreviation.

    Initials that spell the abbreviation (in any order) are preferred to a fuzzy fit.
    """
    words = _WORD.findall(re.split(r"[,;:()\[\]]|\bfor\b|\bon behalf of\b", text)[-1])[-16:]
    letters = re.sub(r"[^A-Z]", "", abbr.upper())
    words = [re.sub(r"^\w{0,3}['’](?=[A-Z])", "", w) if i == 0 else w for i, w in enumerate(words)]
    starts = [
        s
        for s in range(len(words) - 2, -1, -1)
        if words[s].lower() not in _GLUE and _ELIDED.sub("", words[s])[:1].isupper()
    ]
    for exact in (True, False):
        for start in starts:
            initials = _initials(words[start:])
            ok = sorted(initials) == sorted(letters) if exact else _fits(initials, letters)
            if initials and ok:
                return " ".join([_ELIDED.sub("", words[start]), *words[start + 1 :]]).strip(" .-")
    return None


def _named_after(text: str, abbr: str) -> str | None:
    """The longest run of words after "ABBR " (to the end of its list item) whose
    initials spell the abbreviation exactly, in order: "PCD Parti chrétien démocrate";
    else the whole rest of the item if its initials fit it fuzzily ("MSCA Mouvement
    Socialiste Centrafricain").

    The name needs a lowercase letter and, for an abbreviation of two letters, a word
    for an organisation ("FC Forum Civique"; not "PM Phạm Minh").
    """
    words = _WORD.findall(_ITEM_END.split(text, maxsplit=1)[0])[:12]
    letters = re.sub(r"[^A-Z]", "", abbr)
    for end in range(len(words), 1, -1):
        initials = _initials(words[:end])
        fits = initials == letters or (end == len(words) and _fits(initials, letters))
        name = " ".join(words[:end]).strip(" .-")
        if (
            fits
            and words[end - 1].lower() not in _GLUE
            and re.search(r"[a-zß-ÿ]", name)
            and not _TITLE_ANY.search(name)
            and not _INNER_ABBR.search(f" {name}")
            and (len(letters) >= 3 or _ORG_WORD.search(name))
        ):
            return name
    return None


def _glued(name: str) -> bool:
    """Does an abbreviation inside ``name`` begin a second "ABBR name" item?"""
    return any(
        _named_after(name[m.end(1) :].lstrip(), m.group(1)) is not None
        for m in _INNER_ABBR.finditer(name)
    )


def is_state_or_generic(name: str, states: StateIndex) -> bool:
    if _GENERIC.fullmatch(name.strip()) or len(name) < 3 or _LEADING_GLUE.match(name):
        return True
    if _LED.search(name.strip()):
        return True
    if _NAMED_BODY.search(name):  # "African Union", "IGAD": BLOCK words that are a name
        return False
    proper = [
        w
        for w in _WORD.findall(BLOCK.sub(" ", name))
        if w[0].isupper() and w.lower() not in _GLUE and not _GENERIC.fullmatch(w)
    ]
    if not proper:  # "Liberation Movement", "Commission": no name of its own
        return True
    found = states.find(name)
    if not found:
        return False
    rest, pos = [], 0
    for st in found:
        rest.append(name[pos : st.start])
        pos = st.end
    rest.append(name[pos:])
    return all(_STATE_GLUE.fullmatch(r) or _GENERIC.fullmatch(r.strip(" ,")) for r in rest)


REPUBLIC = _REPUBLIC
ABBR_IN_BRACKETS = _ABBR
TITLE_ANY = _TITLE_ANY
HONORIFIC = _HONORIFIC
SPEAKS_FOR = _SPEAKS_FOR
GLUE = _GLUE
WORD = _WORD

fits = _fits
initials = _initials
named_before = _named_before
named_after = _named_after
glued = _glued
ORG_WORD = _ORG_WORD
TITLE_FIRST = _TITLE_FIRST

__all__ = [
    "ABBREVIATION",
    "ABBR_IN_BRACKETS",
    "GLUE",
    "HONORIFIC",
    "REPUBLIC",
    "SPEAKS_FOR",
    "TITLE_ANY",
    "WORD",
    "fits",
    "glued",
    "initials",
    "is_state_or_generic",
    "ORG_WORD",
    "TITLE_FIRST",
    "named_after",
    "named_before",
]
