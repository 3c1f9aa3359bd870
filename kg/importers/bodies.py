"""Bodies named in a mention that are not themselves its actors in the mention's role.

Two readings of PA-X's third-party text that resolution alone gets wrong:

- the subject of a conference or talks is no actor ("To the Chairman of the OSCE
  Minsk conference on Nagorno-Karabakh" addresses the chairman, not Nagorno-Karabakh);
- the body whose co-chairs act is not a co-chair ("the Co-Chairs of the OSCE Minsk
  Group (Igor Popov of the Russian Federation, …)": the states co-chair, the group
  is what they co-chair).

Examples
--------
>>> chaired_body("the Co-Chairs of the OSCE Minsk Group (Igor Popov)", ["OSCE Minsk Group"])
True
>>> chaired_body("Co-chaired by the OSCE Minsk Group", ["OSCE Minsk Group"])
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kg.importers.states import StateMatch

_TOPIC = re.compile(
    r"\b(?:conference|talks|negotiations|consultations|settlement|question|issue|problem)"
    r"\s+(?:on|over|concerning|regarding)\s+[^,;:()]*"
)
"""A subject a body deals with, not an actor: "the OSCE Minsk conference on Nagorno-Karabakh".
Lower case only: "Conference on Security and Co-operation in Europe" is a body's name."""
_CHAIRS_OF = re.compile(r"\bco-?chair\w*(?:\s+countries)?\s+of\s+(?:the\s+)?[^,;]*$", re.I)
_CHAIRS_AFTER = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?co-?chair\w*(?:\s+(?:countries|states|nations)\b|,?\s+(?-i:[A-Z]))",
    re.I,
)
"""After the body: "… Co-Chair countries", or its co-chairmen by name ("ICFY co-chairman,
Thorvald Stoltenberg", "the ICFY Co-chairmen Cyrus Vance and David Owen")."""


_OBSERVED = re.compile(r"\bobservers?\s+(?:to|at)\s+(?P<x>[^,;:()]+)", re.I)
"""What an observer is sent to, not the observer: "Official Italian Observer to the IGAD
Peace Forum"."""


def without_topics(text: str) -> str:
    """``text`` with the subjects of conferences and talks, and what observers are sent
    to, blanked out (same length).

    Examples
    --------
    >>> without_topics("Chairman of the Minsk conference on Nagorno-Karabakh, Y. E.").split()
    ['Chairman', 'of', 'the', 'Minsk', ',', 'Y.', 'E.']
    >>> without_topics("Italian Observer to the IGAD Peace Forum").split()
    ['Italian', 'Observer', 'to']
    """
    text = _TOPIC.sub(lambda m: " " * len(m.group(0)), text)
    return _OBSERVED.sub(lambda m: m.group(0)[: m.start("x") - m.start()] + " " * len(m["x"]), text)


_SUBJECT = re.compile(
    r"\b(?:m[ée]dia\w*|facilitat\w*|crisis|crise|conflicto?s?|envoy|secretary[- ]general)"
    r"\s+(?:pour|for|in|en|au|à|dans|to)"
    r"\s+(?:the\s+|la\s+|le\s+|l['’]\s*)?(?:crisis\s+in\s+(?:the\s+)?|crise\s+(?:en|au)\s+)?"
    r"(?P<x>[^,;:()]+)",
    re.I,
)
_PROCESS = re.compile(r"(?P<x>\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+peace\s+process")
_TITLE = r"ambassad\w*|embajador\w*|representative|representante|repr[ée]sentant\w*"
_GAP = r"(?:(?!mission|programme|program|office|bureau)[^,;:()])*?"
"""From an envoy's title to the word before the place it is posted to."""
_ARTICLE = r"(?:el\s+|the\s+|le\s+|la\s+|l['’]\s*)?"
_POSTED = re.compile(
    rf"\b(?:envoy|{_TITLE})\b{_GAP}\s(?:to|ante|aupr[èe]s\s+d[eu]|en|aux?(?!\s+nom\b))\s+{_ARTICLE}"
    r"(?:(?:gobierno|government|gouvernement)\s+(?:de|of|du)\s+(?:la\s+|the\s+)?)?"
    r"(?P<x>(?:(?!\b(?:representing|on behalf|for|pour|and|et)\b)[^,;:()])+)",
    re.I,
)
"""Where an envoy is posted: "Ambassadeur de la République du Niger en Algérie",
"Embajador Países Bajos ante el Gobierno de Colombia", "… de Nigeria au Mali" (not "au
nom de": on whose behalf). The envoy's own state acts."""

_ENVOY_FOR = re.compile(
    rf"\b(?:envoy|envoy[ée]e?|enviad[oa])s?\b{_GAP}\s(?:for|pour|para)\s+"
    r"(?:the\s+|la\s+|le\s+|les\s+|el\s+|l['’]\s*)?"
    r"(?P<x>(?:(?!\b(?:representing|on behalf|and|et|y)\b)[^,;:()])+)",
    re.I,
)
"""The place an envoy is sent for, however far from the title: "Envoyé spécial de l'OCC
pour le Mali et le Sahel" (1366), "Special Envoy of the Arab Republic of Egypt for the
Sudan". The state that sends the envoy acts (:mod:`kg.importers.state_text`)."""


_POSTED_AT = re.compile(
    rf"\b(?:{_TITLE})\b{_GAP}\s(?:to|ante|aupr[èe]s\s+d[eu])\s+{_ARTICLE}"
    r"(?P<x>(?:(?!\b(?:of|as|and|representing|on behalf|for|pour|et|de|del|du)\b)[^,;:()])+)",
    re.I,
)
"""The body or state an ambassador or a representative is posted to, up to the words that
go on to whom it represents: "Permanent Representative of France to the United Nations",
"Representative to the OUA as the Representative of the Current Chairman of the OAU"."""


_REGIONS = re.compile(
    r"\b(?:regions?|territor(?:y|ies)|provinces?|districts?|oblasts?|counties"
    r"|municipalities|areas|parts)\s+of\s+(?P<x>[^,;:()]+)",
    re.I,
)
"""A state whose regions a text names, not an actor: "the North Caucasian republics,
territories and regions of the Russian Federation" ("the republics of Croatia and
Serbia" are the states)."""
_BODY_ON = re.compile(
    r"\b(?:committee|commission|group|conference|council|forum)\s+(?:on|for)\s+(?P<x>[^,;:()]+)",
    re.I,
)
"""A state a body is named after as its subject: "the Arab Follow-up Committee on Syria",
"the Action Group for Syria"."""


def without_subject_states(text: str, find: Callable[[str], list[StateMatch]]) -> str:
    """``text`` with the states it names as the place or process a mediator works for
    blanked out (same length): "Médiation pour Madagascar", "International Mediator in
    the crisis in Central African Republic", "Facilitator of the Burundi peace process".
    A body named there ("Mediator for the African Union") is kept, but not one a
    representative is posted to (:data:`_POSTED_AT`).

    >>> from kg.importers.states import StateIndex
    >>> without_subject_states("Médiation pour Madagascar", StateIndex.default().find).strip()
    'Médiation pour'
    """
    spans = [m.span("x") for m in _POSTED_AT.finditer(text)]
    for pattern in (_SUBJECT, _PROCESS, _POSTED, _ENVOY_FOR):
        spans += _states_after(pattern, text, find)
    return _blank(text, spans)


def without_place_states(text: str, find: Callable[[str], list[StateMatch]]) -> str:
    """``text`` with the states it names as the country of its regions or as a body's
    subject blanked out (same length), for finding the states and offices that act: the
    body's own name ("Action Group for Syria") is looked for in ``text`` as it was.

    >>> from kg.importers.states import StateIndex
    >>> find = StateIndex.default().find
    >>> without_place_states("leaders of the regions of the Russian Federation", find).split()
    ['leaders', 'of', 'the', 'regions', 'of', 'the']
    >>> without_place_states("the Arab Follow-up Committee on Syria", find).split()[-1]
    'on'
    """
    return _blank(
        text, [*_states_after(_REGIONS, text, find), *_states_after(_BODY_ON, text, find)]
    )


def _states_after(
    pattern: re.Pattern[str], text: str, find: Callable[[str], list[StateMatch]]
) -> list[tuple[int, int]]:
    """The spans of the states ``find`` finds in each ``x`` group ``pattern`` matches."""
    return [
        (m.start("x") + s.start, m.start("x") + s.end)
        for m in pattern.finditer(text)
        for s in find(m.group("x"))
    ]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_CAPACITY = re.compile(
    r"(?P<who>[^()]+?)\s*\((?:as|serving as|acting as|en (?:sa )?qualit[ée] de|en tant que|como)"
    r"\s[^()]*\)[\s.,;]*",
    re.I,
)


def acting_for(text: str) -> str:
    """Who acts in the capacity a closing bracket gives ("Republic of Togo (as the African
    Union facilitator)": "Republic of Togo"), or ``""``: the body named in the brackets is
    the one it acts for, not one with the role.

    >>> acting_for("Republic of Togo (serving as African Union mediator)")
    'Republic of Togo'
    >>> acting_for("African Union (AU)")
    ''
    """
    found = _CAPACITY.fullmatch(text.strip())
    return found["who"].strip() if found else ""


_REPRESENTING = re.compile(
    r"^(?P<who>.*?),\s*(?:representing|repr[ée]sentant)\s+(?P<x>[^;]+?)[\s.]*$", re.I
)
_AMBASSADOR_OF = re.compile(r"\b(?:ambassad\w*|embajador\w*)\s+(?:of|de|du)\b", re.I)


def represented(text: str) -> tuple[str, bool]:
    """Whom the person on a line represents ("…, representing the Secretary General of the
    OUA"), or ``""``; and whether the person is named as a state's ambassador, whose state
    then does not act (Congo's 8: "Ambassador of Guinea, representing …").

    >>> represented("X, Ambassador of Guinea, representing the Secretary General of the OUA")
    ('the Secretary General of the OUA', True)
    >>> represented("Ambassador of Guinea")
    ('', False)
    """
    found = _REPRESENTING.match(text.strip())
    if found is None:
        return "", False
    return found["x"], bool(_AMBASSADOR_OF.search(found["who"]))


def chaired_body(text: str, labels: Iterable[str]) -> bool:
    """Does ``text`` name a body (by one of ``labels``) as the one its co-chairs act for?

    "Co-Chairs of the X", "Co-chairmen of the X Conference" and "the X Co-Chair
    countries" do; "co-chaired by X" and "X, Co-Chair of the Contact Group" do not.
    """
    for label in labels:
        body = re.escape(label).replace(r"\-", "[- ]")
        for m in re.finditer(rf"(?<![\w-]){body}(?![\w-])", text, re.I):
            if _CHAIRS_OF.search(text[: m.start()]) or _CHAIRS_AFTER.match(text[m.end() :]):
                return True
    return False


__all__ = ["chaired_body", "without_place_states", "without_subject_states", "without_topics"]
