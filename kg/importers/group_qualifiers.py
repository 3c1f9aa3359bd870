"""A qualifier in brackets after a body's name: another body ("CPN (UML)", not the CPN).

Nepal's agreements name the parties "CPN (UML)" and "CPN (Maoist)", and "Nepali
Congress (Democratic)"; Colombia's the "PCC (M-L)"; Myanmar's the "KNU/KNLA (PC)".
Each is a party of its own, not the body whose name the bracket follows, so
:class:`kg.importers.groups.GroupIndex` does not find that body there.

Examples
--------
>>> qualified("Prachanda, Chairman, CPN (Maoist)", 24, None, abbreviation=True)
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.importers.group_names import HONORIFIC, TITLE_ANY

if TYPE_CHECKING:  # the mined body, for its spellings only
    from kg.importers.group_mining import Group

_QUALIFIER = re.compile(r" ?\(([^()\d]{1,30})\)")
_ANNOTATION = re.compile(
    r"(?i)\b(?:sign\w*|sd|illegible|chair\w*|ret|witness\w*|observ\w*|mediat\w*|"
    r"guarant\w*|facilitat\w*|conciliat\w*|status|unclear)\b"
)
_CAPITALS = re.compile(r"[A-Z]{2}")


def qualified(text: str, end: int, group: Group | None, *, abbreviation: bool) -> bool:
    """Does a bracketed word after the body's name at ``text[:end]`` name another body?

    "CPN (UML)" and "CPN (Maoist)" are two parties, not the CPN; "Nepali Congress
    (Democratic)" is not the Nepali Congress. After an abbreviation, any bracket
    of one to three capitalised words is such a qualifier; after a full name, one
    capitalised word that is no abbreviation ("Nepali Congress (NC)" is the same
    body). Never a note ("(signed)", "(Chair)", "(Ret.)"), a title or a person
    ("SFRY (Gen Kadijevic)"), or one of the body's own spellings ("JEM (Justice and
    Equality Movement)").

    >>> qualified("Madhav Kumar Nepal, CPN (UML)", 23, None, abbreviation=True)
    True
    >>> qualified("United Nations (Signed)", 14, None, abbreviation=False)
    False
    >>> qualified("Serbia (Milosevic), and SFRY (Gen Kadijevic)", 29, None, abbreviation=True)
    False
    """
    found = _QUALIFIER.match(text, end)
    if found is None or _ANNOTATION.search(found.group(1)) or TITLE_ANY.search(found.group(1)):
        return False
    if HONORIFIC.match(found.group(1) + " "):  # "SFRY (Gen Kadijevic)": a person
        return False
    words = found.group(1).split()
    if group is not None:
        own = {n.lower() for n, _ in group.names} | {a.lower() for a in group.aliases}
        if any(o in found.group(1).lower() for o in own):
            return False
    if abbreviation:
        return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    return len(words) == 1 and words[0][:1].isupper() and not _CAPITALS.search(words[0])


__all__ = ["qualified"]
