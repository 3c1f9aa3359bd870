"""States by name or ISO 3166 alpha-3 code, from pycountry, matched in free text.

Every name pycountry gives a country (short name, official name, common name, the
"Congo, The Democratic Republic of the" form turned around, "of the" without
"the"), in English and in pycountry's French, Spanish and Portuguese translations
("République du Niger", "Estados Unidos Mexicanos"), also without accents and with
a typographic apostrophe ("Cote d’Ivoire"), is a variant; variants are
matched in text longest first, on word boundaries, so "South Sudan" is not "Sudan"
and "Papua New Guinea" is not "Guinea". The text is matched without its accents too,
so a name with only some of them ("La République Francaise") is found. A variant
preceded by a compass word ("Northern Ireland", "Southern Sudan") is not a match: those
are regions, not the state. Adjectives are derived from the short names
("Azerbaijani") and from names such as "Russian Federation" ("Russian"), and count only
before a capitalised word ("Azerbaijani Republic").

Examples
--------
>>> idx = StateIndex.default()
>>> [(m.alpha3, m.start) for m in idx.find("For the Russian Federation:")]
[('RUS', 8)]
>>> idx.find("Government of Northern Ireland")
[]
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from rapidfuzz import fuzz, process

from kg.importers.patterns import folded
from kg.importers.trie import trie_pattern

LANGUAGES = ("fr", "es", "pt")
"""Languages besides English whose country names (pycountry's ISO 3166 translations) count."""

_COMPASS = re.compile(r"(?:north|south|east|west)(?:ern)?\s+$", re.I)


@dataclass(frozen=True)
class StateMatch:
    """A state named in a text: its ISO alpha-3 code and where the name is."""

    alpha3: str
    start: int
    end: int
    adjective: bool = False


@lru_cache(maxsize=1)
def _translations() -> tuple[gettext.NullTranslations, ...]:
    """pycountry's gettext catalogues of ISO 3166-1 names in :data:`LANGUAGES`."""
    return tuple(
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in LANGUAGES
    )


def _variants(country: object) -> set[str]:
    english = [
        str(getattr(country, key))
        for key in ("name", "official_name", "common_name")
        if getattr(country, key, None)
    ]
    names = set(english)
    for catalogue in _translations():
        names.update(catalogue.gettext(name) for name in english)
    for name in list(names):
        if ", " in name:
            head, tail = name.split(", ", 1)
            names.add(f"{tail} {head}")
            names.add(f"{tail[4:] if tail.lower().startswith('the ') else tail} {head}")
    for name in list(names):
        if " of the " in name:
            names.add(name.replace(" of the ", " of "))
        for article in (" de la ", " de los ", " de las "):
            if article in name:  # "Estados Unidos de América" beside "… de la …"
                names.add(name.replace(article, " de "))
    return names


def _spellings(name: str) -> set[str]:
    """``name`` as texts write it too: without accents ("Cote d'Ivoire") and with a
    typographic apostrophe ("Côte d’Ivoire")."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    return {form for base in {name, plain} for form in (base, base.replace("'", "’"))}


def preferred_name(alpha3: str) -> str:
    """The name used as a minted state's English label: common name, else the short name.

    Examples
    --------
    >>> preferred_name("IRN"), preferred_name("COD")
    ('Iran', 'The Democratic Republic of the Congo')
    """
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise KeyError(alpha3)
    name = str(getattr(country, "common_name", None) or country.name)
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail[0].upper()}{tail[1:]} {head}"
    return name


def _adjective(name: str) -> str | None:
    if " " in name or "," in name:
        return None
    if name.endswith("a"):
        return name + "n"
    if name.endswith("an"):
        return name + "i"
    return None


def _adjective_in_ian(name: str) -> str | None:
    """The adjective "-ian" of a one-word name that ends in a consonant other than "n"
    ("Chad": "Chadian", "Egypt": "Egyptian").

    >>> _adjective_in_ian("Chad"), _adjective_in_ian("Sudan")
    ('Chadian', None)
    """
    if re.fullmatch(r"[A-Z][a-z]*[bcdfghjklmpqrstvwxz]", name):
        return name + "ian"
    return None


def _adjective_of_form(name: str) -> str | None:
    """The adjective of a name of the form "<Adjective> Federation|Republic" ("Russian")."""
    m = re.fullmatch(r"([A-Z][a-z]+[ni]) (?:Federation|Republic|Arab Republic)", name)
    return m.group(1) if m else None


class StateIndex:
    """Find states in text, by any pycountry name variant or a derived adjective.

    ``extra`` adds names (name → alpha-3), such as a curated state's label ("Russia").
    """

    def __init__(self, extra: dict[str, str] | None = None) -> None:
        self.by_name: dict[str, str] = {k.lower(): v for k, v in (extra or {}).items()}
        for name, code in (extra or {}).items():  # "Republic of Turkey", as "… of Türkiye"
            country = pycountry.countries.get(alpha_3=code)
            official = str(getattr(country, "official_name", "") or "")
            if country is not None and str(country.name) in official:
                styled = official.replace(str(country.name), name)
                self.by_name.setdefault(styled.lower(), code)
        adjectives: dict[str, str] = {}
        names = {str(c.alpha_3): sorted(_variants(c)) for c in pycountry.countries}
        for country in pycountry.countries:
            code = str(country.alpha_3)
            for variant in names[code]:
                for spelling in _spellings(variant):
                    self.by_name.setdefault(spelling.lower(), code)
            short = str(getattr(country, "common_name", None) or country.name)
            for adj in (_adjective(short), _adjective_of_form(str(country.name))):
                if adj:
                    adjectives.setdefault(adj, code)
        for country in pycountry.countries:  # after the others: "Nigerian" is Nigeria's
            short = str(getattr(country, "common_name", None) or country.name)
            if adj := _adjective_in_ian(short):
                adjectives.setdefault(adj, str(country.alpha_3))
        for code, variants in names.items():  # then of its other names: "Tchadian" (647)
            for variant in variants:
                if adj := _adjective_in_ian(variant):
                    adjectives.setdefault(adj, code)
        self.adjectives = adjectives
        self._long: list[str] | None = None
        self._names = re.compile(r"(?<![\w-])" + trie_pattern(self.by_name) + r"(?![\w-])", re.I)
        adjs = sorted(adjectives, key=lambda n: (-len(n), n))
        self._adjs = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(a) for a in adjs) + r")"
            r"(?=\s+(?:[A-Z]|(?:side|delegation|government|govt)\b))"
        )

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> StateIndex:
        """The shared index (building it compiles one large regular expression)."""
        return StateIndex()

    def lookup(self, name: str) -> str | None:
        """The alpha-3 code of a state named exactly ``name`` (any variant, any case)."""
        return self.by_name.get(name.strip().lower())

    def fuzzy(self, text: str, *, cutoff: float = 80.0) -> str | None:
        """The state a misspelt name stands for ("Republic of Diijbouti"), by rapidfuzz.

        Only the name after "Republic of" (or the whole text) is compared, with every
        variant of at least five letters; ``None`` below ``cutoff``.

        Examples
        --------
        >>> StateIndex.default().fuzzy("Republic of Diijbouti")
        'DJI'
        >>> StateIndex.default().fuzzy("Republic of Nagorno-Karabakh") is None
        True
        """
        name = re.sub(
            r"^.*?\b(?:republic|r[ée]publique|rep[úu]blica)\s+\w+\s+", "", text, flags=re.I
        )
        name = re.sub(r"^(?:the|la|le|l')\s+", "", name, flags=re.I).lower()
        if len(name) < 5:
            return None
        if self._long is None:
            self._long = [n for n in self.by_name if len(n) >= 5]
        best = process.extractOne(name, self._long, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self.by_name[best[0]] if best else None

    def find(self, text: str, *, adjectives: bool = True) -> list[StateMatch]:
        """States named in ``text``, in order, not overlapping."""
        found: list[StateMatch] = []
        plain, where = (text, None) if text.isascii() else folded(text)
        for m in self._names.finditer(plain):
            start, end = (m.start(), m.end()) if where is None else _span(where, m)
            code = self.by_name.get(m.group(0).lower())
            if code is None or _COMPASS.search(text[:start]):
                continue
            found.append(StateMatch(code, start, end))
        if adjectives:
            taken = [(f.start, f.end) for f in found]
            for m in self._adjs.finditer(text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    found.append(StateMatch(self.adjectives[m.group(1)], m.start(), m.end(), True))
        return sorted(found, key=lambda f: f.start)

    def match_at(self, text: str, pos: int) -> StateMatch | None:
        """The state whose name (not adjective) starts exactly at ``pos`` in ``text``, if any."""
        for f in self.find(text[pos:], adjectives=False):
            if f.start == 0:
                return StateMatch(f.alpha3, pos, pos + f.end)
            break
        return None


def _span(where: list[int], match: re.Match[str]) -> tuple[int, int]:
    """Where ``match`` (in the text :func:`~kg.importers.patterns.folded` gave) is in the text."""
    return where[match.start()], where[match.end() - 1] + 1


__all__ = ["StateIndex", "StateMatch", "preferred_name"]
