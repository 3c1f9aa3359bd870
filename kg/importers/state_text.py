"""States named in mention text, as whole lists, list items, after cues or by mission.

The part of :class:`kg.importers.reconcile.Resolver` that reads states out of
free text; it needs the resolver's :class:`~kg.importers.states.StateIndex` and
its ``state`` method (curated or minted state of an ISO code).

Examples
--------
>>> from rdflib import Graph
>>> from kg.importers.reconcile import Resolver
>>> r = Resolver.from_graph(Graph())
>>> [m.iri.rsplit("/", 1)[1] for m in r._state_list("Norway, Venezuela and Ireland")]
['norway', 'venezuela', 'ireland']
"""

from __future__ import annotations

import re

from kg.importers.matches import Match
from kg.importers.patterns import (
    ADJ_MEDIATION,
    ADJ_REPUBLIC,
    AFTER,
    BLOCK,
    ENVOY,
    GOVERNMENT_AND_IN,
    LEAD,
    LIST_GLUE,
    MISSION,
    NAME_AFTER,
    OFFICIAL,
    OFFICIAL_PREFIX,
    ORIGIN,
    PLACE,
    SIGNED_BY,
    STATE_CUE,
)
from kg.importers.states import StateIndex, StateMatch

_NAME_GOES_ON = re.compile(r"(?:[ -][A-ZÀ-Þ][\w'’.-]*)+")


def _begins_a_name(text: str, end: int) -> bool:
    """Is the state name ending at ``end`` the first word of a body's name that goes
    on in capitalised words ("President of Nepal Majdoor Kisaan Party")?

    >>> _begins_a_name("President of Nepal Majdoor Kisaan Party", 18)
    True
    >>> _begins_a_name("President of Burkina Faso Facilitator of the Dialogue", 25)
    False
    """
    goes_on = _NAME_GOES_ON.match(text, end)
    return goes_on is not None and BLOCK.search(goes_on.group(0)) is not None


_SENT_BY = re.compile(
    r"\b(?:embass(?:y|ies)|envoys?|ambassadors?|ambassade|embajada)\s+"
    r"(?:(?:of|de|du|del|de\s+la|de\s+l['’]|d['’])\s*(?:the\s+|la\s+|l['’])?)?"
    r"(?:(?:[\w'’]+\s+){0,4}(?:republic|r[ée]publique|rep[úu]blica|kingdom|state|federation|"
    r"confederation)\s+(?:of|de|du|del|de\s+la)\s+(?:the\s+)?)?$",
    re.I,
)
"""The words before the state that sends an embassy or an envoy ("Embassy of", "Special
Envoy of the Arab Republic of", "Special Envoy Swiss Confederation"), not one it is
posted to ("Envoy for", "to")."""
_OTHER_CAPACITY = re.compile(r"\brepresent|\bon behalf\b|\bpresident\b|\bchair", re.I)
"""An envoy's other capacity, in which he acts instead ("Ambassador of Senegal …,
Representative of the Current Chairman of the OAU", 503; "Ambassador of Switzerland …,
President of the Contact Group", 2604): his state is then no actor by the embassy."""
_DASH_SEPARATORS = frozenset("-–—")
_TOWN = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?")
"""One or two capitalised words after a state: the town of an address."""
_GOVERNMENT_OF = re.compile(r"\s*(?:the\s+)?governments?\s+of\b", re.I)
"""A list item that is a state's government, which is no organisation's seat."""


class StateText:
    """Find states in a mention's text (mixed into the resolver)."""

    states: StateIndex

    def state(self, alpha3: str, how: str, confidence: float) -> Match:
        """The curated or minted state with ISO code ``alpha3`` (the resolver's)."""
        raise NotImplementedError

    def _state_after(self, text: str, pos: int) -> StateMatch | None:
        """The state named right after an office title ("… of the Russian Federation")."""
        for gap_re in AFTER:
            gap = gap_re.match(text, pos)
            if gap is None:
                continue
            st = self.states.match_at(text, gap.end())
            prefix = OFFICIAL_PREFIX.match(text, gap.end())
            if st is None and prefix is not None:
                st = self.states.match_at(text, prefix.end())
            if st is not None:
                return None if _begins_a_name(text, st.end) else st
        return None

    def _missions(self, text: str) -> list[Match]:
        """States acting through a mission or government ("Russian Mediation Mission"),
        an embassy or an envoy ("Deputy Head of Mission, Embassy of Ireland", "Special
        Envoy of the Arab Republic of Egypt")."""
        return [
            self.state(st.alpha3, "state mission", 0.8)
            for st in self.states.find(text)
            if MISSION.match(text, st.end)
            or (_SENT_BY.search(text, 0, st.start) and not _OTHER_CAPACITY.search(text))
            or (
                st.adjective
                and (ADJ_REPUBLIC.match(text, st.end) or ADJ_MEDIATION.match(text, st.end))
            )
        ]

    def _state_list(self, text: str) -> list[Match]:
        """States, when ``text`` is nothing but state names joined by commas and "and"."""
        found = self.states.find(text)
        if not found:
            return []
        pos, gaps = 0, []
        for st in found:
            gaps.append(text[pos : st.start])
            pos = st.end
        gaps.append(text[pos:])
        if all(LIST_GLUE.match(g) for g in gaps):
            return [self.state(st.alpha3, "state name", 1.0) for st in found]
        return []

    def _state_segments(self, text: str) -> list[Match]:
        """States that are a whole list item of a longer mention ("…, the French Republic, …").

        A segment between commas, semicolons, colons, brackets or spaced dashes
        ("United States of America - Co-chair of the ISSG", 1507) that holds nothing
        but state names (after "for the Government of" and the like) names them.
        """
        found: list[Match] = []
        parts = re.split(r"([,;:()\[\]]|\s[-–—]\s)", text)
        segments, seps = parts[0::2], ["", *parts[1::2]]
        after = [*segments[1:], ""]
        for before, sep, segment, following in zip(
            ["", *segments], seps, segments, after, strict=False
        ):
            bare = LEAD.sub("", SIGNED_BY.sub("", segment.strip())).strip(" .-–")
            # "… Ekta Samaj, Nepal": the seat of an organisation, not a party
            seat = (
                sep == ","
                and BLOCK.search(before)
                and not ENVOY.search(before)
                and not _GOVERNMENT_OF.match(segment)  # "…, the UN, Government of Angola"
                and not self._state_list(following.strip())  # "…, France, Germany, …"
            )
            # "Western Equatoria - South Sudan, Yambio" (2687): an address, not a party
            address = sep.strip() in _DASH_SEPARATORS and bool(_TOWN.fullmatch(following.strip()))
            if bare and bare != text and not PLACE.search(before) and not seat and not address:
                found += self._state_list(bare)
            both = GOVERNMENT_AND_IN.search(segment)
            if both:  # "The Federal Government of Iraq and the Kurdistan Regional Government"
                styled = OFFICIAL_PREFIX.search(both["state"])  # "… Republic of Rwanda"
                found += self._state_list(both["state"]) or (
                    self._state_list(both["state"][styled.end() :]) if styled else []
                )
        return found

    def _states_named(self, text: str) -> list[Match]:
        """States named inside a longer mention, each after a cue ("for", "of the", a comma).

        "and" counts as a cue only after a state that counted ("US, Chile and Brazil"), so
        "Ambassador of Senegal to Ethiopia and Tanzania" names Senegal only.
        """
        out: list[Match] = []
        accepted_end = -1
        for st in self.states.find(text, adjectives=False):
            before = text[: st.start]
            cue = STATE_CUE.search(before.rstrip(" :-"))
            if (
                cue
                and re.match(r"\s*and\b", cue.group(0), re.I)
                and not (accepted_end >= 0 and LIST_GLUE.match(text[accepted_end : st.start]))
            ):
                cue = None
            if ORIGIN.search(before) or NAME_AFTER.match(text, st.end):
                continue
            if cue and cue.group(0).lstrip()[:1] in ",;":
                segment = re.split(r"[,;(\[]", before.rstrip(" ,;:-"))[-1]
                if len(segment.split()) > 5:  # an organisation's name, not a person's
                    cue = None
            if cue or OFFICIAL.search(text[st.start : st.end]):
                out.append(self.state(st.alpha3, "state named", 0.7))
                accepted_end = st.end
        return out


__all__ = ["StateText"]
