"""The words by which PA-X's signatory and third-party text names a role.

:func:`cues` reads the role words of a line in English, French, Spanish and
Portuguese ("Witnessed by", "Témoins", "Facilitador", "conciliator");
:func:`own_cues` sets aside a role word in a body's name ("ECOWAS Standing Mediation
Committee") where something else gives the line its role; :func:`names_someone`
tells a heading ("Guarantor Countries") from a role before a name ("The Facilitator
Sir Ketumile Masire"). :mod:`kg.importers.mentions` and :mod:`kg.importers.parts`
read roles with them.

Examples
--------
>>> cues("Witnessed by the Church Leadership Mediation Initiative")
('mediator', 'witness')
>>> own_cues("Witnessed by the Church Leadership Mediation Initiative", under_role=False)
('witness',)
"""

from __future__ import annotations

import re

CUES = (
    ("co-chair", re.compile(r"\bco-?chair|\bco-?pr[ée]sid|\bcopresid", re.I)),
    ("facilitator", re.compile(r"\bfacilit", re.I)),
    (
        "mediator",
        re.compile(
            r"\bm[ée]dia(?:t|ci[oó]n|[cç][ãa]o|dor)|\bauspices\b|\bgood offices\b|\bbons offices\b"
            r"|\bconcilia(?:tor|dor|teur|trice)|\bmod[ée]ra(?:tor|dor|teur|trice)",
            re.I,
        ),
    ),
    ("guarantor", re.compile(r"\bguarant|\bgarant", re.I)),
    ("witness", re.compile(r"\bwitness|\bt[ée]moin|\btestigo|\btestemunha", re.I)),
    # "United Nations Observer Mission", "Chief Military Observer": names and titles
    (
        "observer",
        re.compile(r"(?<!military )\bobserv(?!ers?\s+(?:mission|group|force|team)\b)", re.I),
    ),
)
"""(role, cue) in the order a role is preferred when a line names several."""


def cues(text: str) -> tuple[str, ...]:
    """The roles the cue words on ``text`` name, in order of preference.

    Examples
    --------
    >>> cues("As witnesses and depositaries (Guarantor countries):")
    ('guarantor', 'witness')
    >>> cues("Témoins"), cues("Facilitador"), cues("Mr X")
    (('witness',), ('facilitator',), ())
    """
    return tuple(role for role, pattern in CUES if pattern.search(text))


_IN_A_NAME = re.compile(
    r"\b(?:Mediation|Facilitation|Good Offices|Observer|Observation)\s+(?:Committee|Council|"
    r"Initiative|Commission|Mission|Team|Group|Unit|Centre|Center|Office|Panel|Board|Forum)\b"
)
"""A role word in a body's name ("ECOWAS Standing Mediation Committee", "Church Leadership
Mediation Initiative"): the body's kind, which need not be the line's role."""


def own_cues(text: str, *, under_role: bool) -> tuple[str, ...]:
    """The roles ``text`` names itself: :func:`cues`, except a role word in a body's name
    when a heading gives the line its role, or another word on it names one
    ("Witnessed by the Church Leadership Mediation Initiative" is a witness).

    >>> own_cues("ECOWAS Standing Mediation Committee", under_role=True)
    ()
    >>> own_cues("Head of the Russian Mediation Mission", under_role=False)
    ('mediator',)
    """
    bare = cues(_IN_A_NAME.sub(" ", text))
    return bare if (bare or under_role) else cues(text)


_HEADING_WORDS = re.compile(
    r"(?:by|of|the|and|as|for|to|from|de|du|des|la|le|les|et|y|por|para|pour|en|in|at|"
    r"countries|states|nations|persons|parties|partners|members|representatives|"
    r"signatories|pa[ií]ses|pays|[ée]tats|estados|internationa\w*|nationa\w*|regional|"
    r"below|following|present|signed|agreement|accord|acuerdo|acordo|signature|talks|"
    r"process|peace|ceasefire|dialogue|negotiations?|conference|meeting)",
    re.I,
)


def names_someone(lead: str) -> bool:
    """Does a line that begins with a role word go on to a name ("Facilitator Sir Ketumile
    Masire"), not only to words of a heading ("Guarantor Countries", "Witnessed by")?"""
    after = [w.strip(",.;:()'’\"") for w in lead.split()[1:]]
    return any(w and not (cues(w) or _HEADING_WORDS.fullmatch(w)) for w in after)


def from_role_word(lead: str) -> str:
    """``lead`` from its first role word on, when only heading words come before it
    ("International Observers": "Observers"), else ``""``.

    >>> from_role_word("International Observers"), from_role_word("Sir John, observer")
    ('Observers', '')
    """
    words = lead.split()
    for at, word in enumerate(words):
        if any(pattern.match(word) for _, pattern in CUES):  # not "Co-Facilitator", a title
            return " ".join(words[at:])
        if not _HEADING_WORDS.fullmatch(word.strip(",.;:()'’\"")):
            return ""
    return ""


_PRESENT_OF = r"in the presence of|en pr[ée]sence de|en presencia de"
PRESENCE = re.compile(rf"\b(?:{_PRESENT_OF}|[ée]taient pr[ée]sents)\b", re.I)
"""Words for those present ("in the presence of", "Etaient présents"), who take no role:
neither the one named before them on a line nor, as a heading, any role of their own."""


_THIRD_PARTIES_FOLLOW = re.compile(
    r"\b(?:under the auspices of|(?:and )?the (?:facilitation|mediation|good offices) of"
    r"|facilitated by|mediated by|witnessed by|sous (?:les auspices|l'[ée]gide) de"
    rf"|bajo los auspicios de|{_PRESENT_OF})\b",
    re.I,
)
"""Words after which a sentence names third parties ("met in Kampala under the auspices of …")."""


def before_third_parties(text: str) -> str:
    """``text`` up to the words after which it names third parties (all of it without them).

    >>> before_third_parties("A and B met in Kampala under the auspices of C")
    'A and B met in Kampala'
    >>> before_third_parties("A and B")
    'A and B'
    """
    found = _THIRD_PARTIES_FOLLOW.search(text)
    return text if found is None else text[: found.start()].rstrip(" ,;")


__all__ = [
    "CUES",
    "PRESENCE",
    "before_third_parties",
    "cues",
    "from_role_word",
    "names_someone",
    "own_cues",
]
