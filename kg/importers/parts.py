"""Roles named part by part in one line of PA-X's third-party text.

A line may name several actors, each with its own role: "UN (Chair), Russian
Federation (Facilitator), OSCE, Group of Friends of the UNSG (France, Germany,
Russian Federation, UK, US) as observers". Giving every actor of the line every
role the line names made France and Germany facilitators. Here the line is cut
into its parts (at the commas and semicolons outside brackets); an actor takes
the roles its own part names; a part that opens with a role ("Witnessed by A",
"Mediator, Mr X, Special Envoy of the UN") leads it into the parts after it; an actor
whose part names no role and has none led into it is a third party only. A line
whose parts name no role keeps its roles for every actor, as before.

Examples
--------
>>> parts("UN (Chair), Russia (Facilitator); A, B (X, Y) as observers")
['UN (Chair)', 'Russia (Facilitator)', 'A', 'B (X, Y) as observers']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rdflib import URIRef

from kg.importers.matches import Match
from kg.importers.mentions import NOTE_WORDS, SIDE, Mention, without_page
from kg.importers.role_cues import CUES, PRESENCE, cues, own_cues

_ORDER = {role: k for k, (role, _) in enumerate(CUES)}


def parts(text: str, separators: str = ",;") -> list[str]:
    """``text`` cut at the ``separators`` outside brackets, parts stripped."""
    out, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in separators and not depth:
            out.append(text[start:k])
            start = k + 1
    out.append(text[start:])
    return [p.strip() for p in out if p.strip()]


_AS_ROLE = re.compile(
    r"\bas\s+(?:the\s+)?\S*(?:" + "|".join(p.pattern for _, p in CUES) + ")", re.I
)
"""A role given "as" at the end of a list: "A, B and C as Co-Chairs of …"."""


def _of_the_list(part: str) -> bool:
    """Does the role ``part`` names after its actor hold for the list it ends ("A, B and C
    as Co-Chairs", "UN, AU & ECOWAS facilitators"), not for its own actor alone ("Russia
    (Facilitator)", "ECOWAS Mediator General X")?"""
    if _AS_ROLE.search(part):
        return True
    bare = _BRACKETED.sub(" ", part)
    for _, pattern in CUES:
        for found in pattern.finditer(bare):
            word = re.match(r"[\w-]*", bare[found.start() :])
            if word and word.group(0).lower().endswith("s"):
                return True
    return False


def _describes(part: str) -> bool:
    """Does ``part`` open with its role, describing the actor before it ("…, Mediator of the
    African Union", "…, neutral facilitator in the Dialogue")?"""
    return bool(cues(" ".join(part.split()[:2])))


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_A_PERSON = re.compile(
    r"(?:h\.\s?e|hon|mr|mrs|ms|dr|prof|rev|sir|mme|amb|gen|general|col|colonel|major|lt)"
    r"\b[.-]?\s*\S",
    re.I,
)
"""A part that opens with a person's honorific or rank ("Mr. Ekber Memenjiogly –
representative of the UNHCR", "General-Major Sergey Korobko"): a person and a title,
no item of a list whose role is given at its end."""


def _leads(part: str, first: bool, actors_in: Callable[[str], set[URIRef]]) -> bool:
    """Does ``part`` head the parts after it with its role ("Witnessed by A", "Mediators: B",
    "Under the auspices of …" first in its list and naming no actor of its own)? A part
    that names its role beside its own actors ("Russia (Facilitator)"), a side ("For the
    Chadian Mediation: X") or, after an actor, describes it ("…, neutral facilitator")
    keeps the role to itself."""
    if SIDE.match(part):
        return False
    for _, pattern in CUES:
        found = pattern.search(part)
        if found and re.match(r"\w*\s*(?:(?:by|from|representing)\b|:)", part[found.end() :], re.I):
            return True
    return first and not actors_in(part)


_IN_A_NOTE = ("observer",)
"""The role a signatories' note gives those it names so ("the observer governments
(…)"); its other role words name what others do ("under their auspices"), a title
("Co-Chairman of the Border Committee") or a role in another agreement (2386, the
Troika's statement "signing to become witnesses … to the Juba Agreement")."""

_HEADING = re.compile(r"^\s*\[([^\[\]]*)\]\s*")
"""PA-X's bracketed heading at the start of a part: "[Guarantors] For …"."""


def roles_by_part(
    mention: Mention, matches: list[Match], actors_in: Callable[[str], set[URIRef]]
) -> list[Match]:
    """``matches`` with the roles their own part of the line gives them.

    ``actors_in(part)`` resolves one part alone. A part that opens with a role
    ("Witnessed by A", "Observers: B", "[Guarantors] …") gives it to the parts after
    it, up to the next such part; a role a part names after its actor is that part's
    ("Russia (Facilitator)"), or, given "as" or in the plural ("A, B and C as
    Co-Chairs", "UN, AU & ECOWAS facilitators"), also that of the parts before it in
    the list that name none; a part that names none takes the role led into it, else
    none beyond third party. Only a third-party line with two parts or more, one of
    which names a role, is read so; an addressee's is not. A signatories' note (over
    :data:`~kg.importers.mentions.NOTE_WORDS` words) is read so for :data:`_IN_A_NOTE`
    alone, its other actors keeping the note's role.
    """
    note = mention.column == "Part" and len(mention.text.split()) > NOTE_WORDS
    if (mention.column != "ThrdPart" and not note) or mention.role == "addressee":
        return matches
    text = PRESENCE.sub(lambda m: ";" + m.group(0), without_page(mention.text))
    if len(matches) < 2 or (note and not set(cues(text)) & set(_IN_A_NOTE)):
        return matches
    segments = [parts(s, ",") for s in parts(text, ";")]
    if sum(len(s) for s in segments) < 2 or not any(cues(p) for s in segments for p in s):
        return matches
    known: dict[str, set[URIRef]] = {}

    def actors(part: str) -> set[URIRef]:  # each part resolved once
        if part not in known:
            known[part] = actors_in(part)
        return known[part]

    heading = cues(mention.heading)
    roles_of: dict[URIRef, set[str]] = {}
    for segment in segments:
        present = bool(PRESENCE.match(segment[0]))
        if present:  # "… In the presence of: X": no role carried to X, and X leads none
            heading = ()
        carry = heading  # a lead holds in its list; a "Role:" or "[Role]" lead to the end
        given: list[tuple[str, ...]] = []
        for k, piece in enumerate(segment):
            bracket = _HEADING.match(piece)
            if bracket and cues(bracket.group(1)):
                heading = carry = cues(bracket.group(1))
                piece = piece[bracket.end() :]
            own = own_cues(piece, under_role=bool(carry))
            own = tuple(r for r in own if r in _IN_A_NOTE) if note else own
            leads = bool(own) and _leads(piece, k == 0 and not present, actors)
            if leads:
                carry = own
                if ":" in piece:
                    heading = own
            given.append(own or carry)
            if own and not leads and k and (_describes(piece) or not actors(piece)):
                # "A, Mediator of the AU", "A, Chef de file de la Médiation": A's role
                given[k - 1] = tuple(dict.fromkeys(given[k - 1] + own))
            if own and not leads and _of_the_list(piece):  # "A and B as Co-Chairs": all
                back = k - 1
                while back >= 0 and not cues(segment[back]) and not _A_PERSON.match(segment[back]):
                    given[back] = own
                    back -= 1
        for piece, roles in zip(segment, given, strict=True):
            for actor in actors(piece):
                roles_of.setdefault(actor, set()).update(roles)
    out = []
    for match in matches:
        if match.iri not in roles_of:
            out.append(match)  # named by the whole line only ("Ministers of A, B and C")
            continue
        roles = tuple(sorted(roles_of[match.iri], key=_ORDER.__getitem__)) or (
            mention.roles if note else ("thirdParty",)
        )
        out.append(match if roles == mention.roles else replace(match, roles=roles))
    return out


__all__ = ["parts", "roles_by_part"]
