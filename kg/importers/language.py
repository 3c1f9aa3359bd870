"""The language of a PA-X text or title: English, French, Spanish or Portuguese.

PA-X keeps each agreement's signatory and third-party text in the agreement's own
language. The language is told by the share of a few very common function words of
each language (articles, prepositions, "République"/"República"); English is the
default when no language stands out.

PA-X's agreement names are mostly English, but about one in eight is the
agreement's own title in French, Spanish or Portuguese ("Acuerdo entre el Gobierno
Nacional y el EPL"). :func:`title_language` tells which, so that the title is not
tagged as English; :func:`title_parts` splits the few names that give both
("… Spanish: Acuerdo …").

Examples
--------
>>> field_language("Pour le Gouvernement de la République du Mali")
'fr'
>>> field_language("Por el Gobierno de la República de Colombia")
'es'
>>> field_language("Pelo Governo da República de Moçambique")
'pt'
>>> field_language("For the Government of the Republic of Mali")
'en'
>>> title_language("Acuerdo de Paz entre el Gobierno de Nicaragua y el Frente Norte 3-80")
'es'
>>> title_language("Accord de Paris")
'fr'
>>> title_language("Protocolo de Verificación")
'es'
>>> title_language("Lomé Peace Accord")
'en'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

_WORDS = {  # lowercase function words; "république" and the like are written capitalised
    "en": {"the", "of", "for", "and", "government", "republic", "on", "behalf", "by"},
    "fr": {"le", "la", "les", "du", "des", "pour", "et", "gouvernement", "république", "au"},
    "es": {"el", "la", "los", "del", "por", "y", "gobierno", "república", "las", "en", "para"},
    "pt": {"o", "os", "do", "da", "dos", "das", "pelo", "pela", "e", "governo", "em"},
}
_TOKEN = re.compile(r"[^\W\d_]+")


def field_language(text: str) -> str:
    """``en``, ``fr``, ``es`` or ``pt``: the language whose function words ``text`` uses most."""
    tokens = [t for t in _TOKEN.findall(text) if t.islower()]  # not initials, not names
    if not tokens:
        return "en"
    scores = {lang: sum(t in words for t in tokens) for lang, words in _WORDS.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > scores["en"] or best == "en" else "en"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Title words, casefolded. English: function words and the nouns of agreement names,
# so that an English name quoting a French or Spanish party stays English. The
# others: function words and their own nouns; a word two languages share counts for
# both, and only a word of one language alone ("el", "du", "dos") decides.
_TITLE_EN = _words(
    "the of and on for between to in by with at from regarding concerning among "
    "agreement agreements peace declaration statement joint protocol memorandum "
    "ceasefire cease-fire cessation hostilities understanding resolution treaty "
    "conclusions charter minute report agenda framework implementation principles "
    "meeting talks commission committee arrangements government"
)
_TITLE_WORDS = {
    "fr": _words(
        "le la les du des et pour sur au aux entre relatif relative relatives "
        "portant paix gouvernement cessez-le-feu déclaration protocole communiqué "
        "conjoint commune mise œuvre en d l de un une"
    ),
    "es": _words(
        "el la los las del y para sobre entre con acuerdo acuerdos paz gobierno "
        "declaración declaracion acta comunicado conjunto conjunta cese fuego "
        "protocolo al por de en un una"
    ),
    "pt": _words(
        "o os do da dos das e para sobre entre com acordo acordos paz governo "
        "declaração protocolo comunicado conjunto cessação pelo pela em de um uma"
    ),
}
# "Accord(s)" is English and French; followed by one of these it is French.
_FRENCH_ACCORD = frozenset({"de", "d", "du", "des", "entre", "sur", "pour", "politique", "cadre"})
_TITLE_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_GIVEN_IN = re.compile(r"\s*(Spanish|French|Portuguese):\s*")
_LANGUAGE_NAMES = {"Spanish": "es", "French": "fr", "Portuguese": "pt"}


# Spellings of one language alone: Spanish "-ción" and "ñ", Portuguese "-ção", "ã", "õ".
_SPELLED = {
    "es": re.compile(r"(ci[oó]n|ciones)$|ñ"),
    "pt": re.compile(r"(ção|ções)$|[ãõ]"),
    "fr": re.compile(r"œ|[èê]"),
}


def _title_scores(title: str) -> tuple[int, dict[str, tuple[int, int]]]:
    """English words, and per other language (its words, the words of it alone)."""
    tokens = [t.casefold() for t in _TITLE_TOKEN.findall(title)]
    accord = sum(a in ("accord", "accords") and b in _FRENCH_ACCORD for a, b in pairwise(tokens))
    scores = {}
    for lang, words in _TITLE_WORDS.items():
        others = [w for other, w in _TITLE_WORDS.items() if other != lang]
        extra = accord if lang == "fr" else 0
        spelled = [t for t in tokens if t not in words and _SPELLED[lang].search(t)]
        found = sum(t in words for t in tokens) + extra + len(spelled)
        alone = sum(t in words and not any(t in o for o in others) for t in tokens)
        scores[lang] = (found, alone + extra + len(spelled))
    return sum(t in _TITLE_EN for t in tokens), scores


def title_language(title: str, *, hints: Sequence[str] = ()) -> str:
    """``en``, ``fr``, ``es`` or ``pt``: the language of an agreement's name.

    A name is French, Spanish or Portuguese when at least two of its words are of
    that language, more than twice as many as are English, one of them of that
    language alone (or spelled as it alone spells: "-ción", "-ção"), and no other
    language has as many. A name without an English word whose words several languages share
    ("Comunicado Conjunto 2": Spanish or Portuguese) is in the first of ``hints``
    (languages the caller has reason to expect, such as that of the names of the
    agreement's peace process) of which it has a word. Anything else is English,
    the language of the database.

    >>> title_language("Comunicado Conjunto 2")
    'en'
    >>> title_language("Comunicado Conjunto 2", hints=["es"])
    'es'
    """
    english, scores = _title_scores(title)
    best = max(scores, key=lambda lang: scores[lang])
    found, alone = scores[best]
    tied = any(scores[lang] == scores[best] for lang in scores if lang != best)
    if found >= 2 and found > 2 * english and alone >= 1 and not tied:
        return best
    if english == 0:
        for hint in hints:
            if hint in scores and scores[hint][0] >= 1:
                return hint
    return "en"


def title_parts(title: str, *, hints: Sequence[str] = ()) -> list[tuple[str, str]]:
    """``(name, language)`` of each name an agreement's ``title`` gives, the first first.

    PA-X writes a few names as the English name followed by "Spanish: " and the
    original (sometimes with no space before it); each part is then a name of its
    own. Any other title is one name, in :func:`title_language`.

    >>> title_parts("Agreement of the Tripartite Meeting Spanish: Acuerdo de la Reunión")
    [('Agreement of the Tripartite Meeting', 'en'), ('Acuerdo de la Reunión', 'es')]
    """
    given = _GIVEN_IN.search(title)
    if given is not None and given.start() > 0 and title[given.end() :].strip():
        first = title[: given.start()].strip()
        second = title[given.end() :].strip()
        return [(first, title_language(first, hints=hints)), (second, _LANGUAGE_NAMES[given[1]])]
    return [(title, title_language(title, hints=hints))]


__all__ = ["field_language", "title_language", "title_parts"]
