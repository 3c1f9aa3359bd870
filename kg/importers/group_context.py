"""Where a name found in a mention stands: inside a longer name, inside a person's name,
or before an abbreviation of its own in another language.

:mod:`kg.importers.groups` skips a body's name that is only part of a longer name
("Karen National Liberation Army") or of a person's ("Mr MAÏ MAÏ GANA");
:mod:`kg.importers.group_mining` weighs "Name (ABBR)" pairs whose initials do not fit
("National Liberation Army (ELN)").

Examples
--------
>>> inside_longer_name("Karen National Liberation Army", 6)
True
>>> translations("For the National Liberation Army (ELN)")
[('National Liberation Army', 'ELN')]
"""

from __future__ import annotations

import re

from kg.importers.group_names import (
    ABBR_IN_BRACKETS,
    GLUE,
    HONORIFIC,
    TITLE_ANY,
    WORD,
    fits,
    initials,
    named_before,
)

_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-Þ][a-zß-ÿ'’]+)\s+$")
"""A word in title case right before a name, itself not after a hyphen or a dot."""
_NOT_OF_THE_NAME = re.compile(r"general|senator|party|from", re.I)
"""Title-case words that end a title or a list before a body's name ("Secretary-General"),
or name the side ("From Hayʼat Tahrīr al-Shām", 2279)."""


def inside_longer_name(text: str, start: int) -> bool:
    """Is the name at ``text[start:]`` the end of a longer name in title case: "Karen
    National Liberation Army", "Socialist Federal Republic of Yugoslavia", "Kirant
    Janawadi Workers Party"? Not after a title, an honorific or a word of glue.

    >>> inside_longer_name("Karen National Liberation Army", 6)
    True
    >>> inside_longer_name("Secretary General United Nations", 18)
    False
    """
    before = _WORD_BEFORE.search(text[:start])
    if before is None:
        return False
    word = before.group(1)
    return not (
        word.lower() in GLUE
        or TITLE_ANY.fullmatch(word)
        or HONORIFIC.match(word + " ")
        or _NOT_OF_THE_NAME.fullmatch(word)
    )


_BEFORE_HONORIFIC = re.compile(r"(?:^|[\s(])" + HONORIFIC.pattern + r"\s*$", re.I)
_SURNAME_AND_TITLE = re.compile(r"\s+[A-ZÀ-Þ][\w'’-]*\s*,\s*(?P<title>[^,;:]*)")


def in_persons_name(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` part of a person's name: after an honorific
    ("Mr MAÏ MAÏ GANA"), or followed by one more name and a title ("Maï Maï Gana, High
    Commissioner of the restoration of peace")?

    >>> in_persons_name("Mr MAÏ MAÏ GANA", 3, 10), in_persons_name("For the Maï-Maï:", 8, 15)
    (True, False)
    """
    if _BEFORE_HONORIFIC.search(text[:start]):
        return True
    after = _SURNAME_AND_TITLE.match(text, end)
    return after is not None and bool(TITLE_ANY.search(after["title"]))


_ITEM_BEFORE = re.compile(r"[,;:(\[]|\s(?:and|et|y)\s+(?:the|la|le|el)\s|\s[-–—]\s")


_LEAD = re.compile(
    r"^(?:(?:and|et|y|for|on behalf of|pour|por|the|la|le|el|les|los|leadership\s+of)\s+)+",
    re.I,
)


def translations(text: str) -> list[tuple[str, str]]:
    """(name, abbreviation) pairs a text writes "Name (ABBR)" where the initials do not fit:
    "National Liberation Army (ELN)", the English name and the Spanish abbreviation. The
    name is the list item before the bracket, without a leading article; whether it names
    the abbreviation's body is for :func:`kg.importers.group_mining.build` to weigh.

    >>> translations("National Government and the National Liberation Army (ELN)")
    [('National Liberation Army', 'ELN')]
    >>> translations("Sudan Liberation Movement (SLM)")
    []
    """
    out = []
    for m in ABBR_IN_BRACKETS.finditer(text):
        abbr = m.group(1).rstrip(".")
        if sum(ch.isupper() for ch in abbr) < 2 or named_before(text[: m.start()], abbr):
            continue
        item = _ITEM_BEFORE.split(text[: m.start()])[-1]
        name = _LEAD.sub("", item.strip(" .'’\"-–—"))
        letters = re.sub(r"[^A-Z]", "", abbr.upper())
        if re.search(r"[a-zß-ÿ]", name) and not fits(initials(WORD.findall(name)), letters):
            out.append((name, abbr))  # not "CPN (UML)", nor "the organization for … (OSCE)"
    return out


def said_alone(text: str, name: str, abbr: str) -> bool:
    """Is ``text`` nothing but ``name`` and its abbreviation in brackets, but for a leading
    article or "and" and the list's punctuation ("- and The Union pour le Progrès National
    (UPRONA),"): a mention that states the abbreviation's name?

    >>> said_alone("The Aceh Free Movement (GAM)", "Aceh Free Movement", "GAM")
    True
    >>> said_alone("Free Aceh Movement (GAM), Malik Mahmud (leader)", "Free Aceh Movement", "GAM")
    False
    """
    whole = rf"(?:{_LEAD.pattern[1:]})?{re.escape(name)}\s*\(\s*{re.escape(abbr)}\.?\s*\)"
    return re.fullmatch(whole, text.strip(" .,;:'’\"-–—"), re.I) is not None


__all__ = ["in_persons_name", "inside_longer_name", "said_alone", "translations"]
