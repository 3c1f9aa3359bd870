"""A qualifier in brackets after a body's name: another body ("CPN (UML)", not the CPN).

Nepal's agreements name the parties "CPN (UML)" and "CPN (Maoist)", and "Nepali
Congress (Democratic)"; Colombia's the "PCC (M-L)"; Myanmar's the "KNU/KNLA (PC)".
Each is a party of its own, not the body whose name the bracket follows, so
:class:`kg.importers.groups.GroupIndex` does not find that body there
(:func:`qualified`); one written as an abbreviation and a qualifier in two
agreements or more is mined as a body of its own (:func:`qualified_names`).

Examples
--------
>>> qualified("Prachanda, Chairman, CPN (Maoist)", 24, abbreviation=True)
True
"""

from __future__ import annotations

import re
from collections.abc import Collection

from kg.importers.group_names import ABBREVIATION, HONORIFIC, TITLE_ANY

_BRACKET = r" ?\(([^()\d]{1,30})\)"
QUALIFIER = re.compile(_BRACKET)
"""A bracketed word or words after a body's name: "(UML)", "(Maoist)", "(signed)"."""
_ANNOTATION = re.compile(
    r"(?i)\b(?:sign\w*|sd|illegible|chair\w*|ret|witness\w*|observ\w*|mediat\w*|"
    r"guarant\w*|facilitat\w*|conciliat\w*|status|unclear)\b"
)
_CAPITALS = re.compile(r"[A-Z]{2}")
_CAPITALS_BEFORE = re.compile(r"\b[A-ZÀ-Þ]{2,}[\s-]+$")
_ABBREVIATION_QUALIFIED = re.compile(rf"(?<![\w./(-])({ABBREVIATION}){_BRACKET}")


def qualified_names(text: str) -> list[str]:
    """The parties ``text`` names by an abbreviation and a qualifier ("CPN (UML)").

    The importer mines each as a body of its own (:mod:`kg.importers.group_mining`,
    like an abbreviation used alone: once two agreements use it), so that "CPN
    (Maoist)" is that party, not the CPN and not left unnamed.

    The abbreviation must stand alone: "… NACIONAL GUATEMALTECA (URNG)" is the last
    word of a name in capitals, followed by the name's own abbreviation.

    >>> qualified_names("Madhav Kumar Nepal, Secretary General, CPN (UML); UN (Chair)")
    ['CPN (UML)']
    >>> qualified_names("UNIDAD REVOLUCIONARIA NACIONAL GUATEMALTECA (URNG)")
    []
    """
    return [
        f"{m.group(1)} ({m.group(2)})"
        for m in _ABBREVIATION_QUALIFIED.finditer(text)
        if _is_qualifier(m.group(2), abbreviation=True)
        and not _CAPITALS_BEFORE.search(text, 0, m.start())
    ]


def _is_qualifier(content: str, *, abbreviation: bool) -> bool:
    """Is ``content``, in brackets after a body's name, a qualifier, not a note?"""
    if _ANNOTATION.search(content) or TITLE_ANY.search(content):
        return False
    if HONORIFIC.match(content + " "):  # "SFRY (Gen Kadijevic)": a person
        return False
    words = content.split()
    if abbreviation:
        return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    return len(words) == 1 and words[0][:1].isupper() and not _CAPITALS.search(words[0])


def qualified(text: str, end: int, *, own: Collection[str] = (), abbreviation: bool) -> bool:
    """Does a bracketed word after the body's name at ``text[:end]`` name another body?

    "CPN (UML)" and "CPN (Maoist)" are two parties, not the CPN; "Nepali Congress
    (Democratic)" is not the Nepali Congress. After an abbreviation, any bracket
    of one to three capitalised words is such a qualifier; after a full name, one
    capitalised word that is no abbreviation ("Nepali Congress (NC)" is the same
    body). Never a note ("(signed)", "(Chair)", "(Ret.)"), a title or a person
    ("SFRY (Gen Kadijevic)"), or one of the body's own spellings ("JEM (Justice and
    Equality Movement)").

    ``own``: the body's spellings and abbreviations, lowercase.

    >>> qualified("Madhav Kumar Nepal, CPN (UML)", 23, abbreviation=True)
    True
    >>> qualified("United Nations (Signed)", 14, abbreviation=False)
    False
    >>> qualified("Serbia (Milosevic), and SFRY (Gen Kadijevic)", 29, abbreviation=True)
    False
    >>> own = {"jem", "justice and equality movement"}
    >>> qualified("JEM (Justice and Equality Movement)", 3, own=own, abbreviation=True)
    False
    """
    found = QUALIFIER.match(text, end)
    if found is None:
        return False
    if any(o in found.group(1).lower() for o in own):
        return False
    return _is_qualifier(found.group(1), abbreviation=abbreviation)


__all__ = ["QUALIFIER", "qualified", "qualified_names"]
