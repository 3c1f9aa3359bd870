"""The language of a PA-X text: English, French, Spanish or Portuguese.

PA-X keeps each agreement's signatory and third-party text in the agreement's own
language. The language is told by the share of a few very common function words of
each language (articles, prepositions, "République"/"República"); English is the
default when no language stands out.

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
"""

from __future__ import annotations

import re

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


__all__ = ["field_language"]
