"""Finding the names of bodies in a PA-X mention: the candidates :mod:`kg.importers.groups` mines.

A candidate is a name with its abbreviation in brackets whose initials fit it
(:mod:`kg.importers.group_names`), the body a line speaks for ("For the Krajina
authorities:"), the side a bracketed heading names ("[FARC-EP]:"), a body named
before a colon, a republic that is not a state, an abbreviation used on its own,
or a whole list item that is a body's name (a council, a front, a church … or an
armed group, an opposition or an administration with a word of its own).

Examples
--------
>>> from kg.importers.states import StateIndex
>>> candidates("Sudan Liberation Movement (SLM)", StateIndex.default())
[('Sudan Liberation Movement', 'SLM', 'abbreviation')]
>>> candidates("Govt of Tajikstan, United Tajik Opposition", StateIndex.default())
[('United Tajik Opposition', '', 'armed segment')]
"""

from __future__ import annotations

import re

import pycountry

from kg.importers.group_names import (
    ABBR_IN_BRACKETS,
    ABBREVIATION,
    GLUE,
    HONORIFIC,
    ORG_WORD,
    REPUBLIC,
    SPEAKS_FOR,
    TITLE_ANY,
    TITLE_FIRST,
    glued,
    is_state_or_generic,
    named_after,
    named_before,
)
from kg.importers.patterns import BLOCK, GOVERNMENT_AND
from kg.importers.states import StateIndex

_ABBR_FIRST = re.compile(r"(?<![\w'’.&/-])([A-Z][A-Z0-9&]{1,11}(?:-[A-Z0-9]+)?)\s+(?=[A-ZÀ-Þ])")
_SIDE = re.compile(r"\b(?:authorities|side|leadership|autorit[ée]s|autoridades)\b", re.I)
_BODY_BEFORE_COLON = re.compile(r"(?P<x>[^:;,()\[\]]{3,60}?)\s*:\s*\S")
_ALONE = re.compile(  # not the end of a surname in capitals ("ULUFA'ALU")
    rf"(?<![\w./(-])(?<![A-Z]['’])({ABBREVIATION})(?![\w.-])"
)
_DOCUMENT = re.compile(
    r"\b(?:agreement|annex|declaration|protocol|accord|acuerdo|acordo|page|signed|sign[ée])\b", re.I
)
_NUMBERING = re.compile(r"^\s*(?:(?:\d+|[ivxIVX]+|[a-h])[.)]\s*|\d+\s+(?=[A-ZÀ-Þ]))")
"""A list's number before an item: "2.", "iv)", "1\tNepali Congress"."""
_NO_HEADING_NAME = re.compile(
    r"^(?:for|from|on behalf of|pour|au nom|por|en nombre)\b|\b(?:were|was|are|is|participating)\b"
    r"|\bparty\s+no\b",
    re.I,
)
"""What a heading before a colon is when it is no body's name: a side ("From the UN:"),
a sentence ("Participating in the meeting were …:"), a numbered party ("Party No.1:")."""
_ROMAN = re.compile(r"[IVXLC]+")
_NAME_BEFORE = re.compile(r"(?:^|\s)[^\s,;:]*[A-ZÀ-Þ][^\s,;:]*\s+$")  # a capitalised neighbour:
_NAME_AFTER = re.compile(r"\s+[A-ZÀ-Þ]")  # a name, or a word of a heading in capitals

_ITEM_SPLIT = re.compile(r"[,;:()\[\]]|\s[-–—]\s|\s+and the\s+|\s+et (?:la|le|les)\s+")
_MARK_AFTER = re.compile(r"\s+(?:sd|sgd|signed|firmado)\.?\s*$", re.I)
"""A signature mark after a list item ("Nepali Congress Sd."): no part of its name."""
_ITEM_LEAD = re.compile(
    r"^(?:(?:representatives?|chairman|chairperson|chair|member|head|president|pr[ée]sident|"
    r"presidente|the|of|for|from|and|la|le|les|el|du|de la|des|pour|por|leadership\s+of)\s+|"
    r"['’]?(?:l|d)['’]|"
    r"['’])+",
    re.I,
)
_COMMON = re.compile(
    r"(?i:national|nationale|nacional|general|high|supreme|central|local|peace|joint|"
    r"independent|democratic|popular|united|international|transitional|federal|regional|"
    r"state|provincial|people'?s?|interim|sub-committee|committee|council|party|front|"
    r"movement|church|churches|association|union|group|community|communities|alliance|"
    r"conference|forum|programme|organi[sz]ation|society|government|republic|civil|youth|"
    r"women|elders|traditional|religious|political|parties|leaders|movements|new|social|"
    r"technical|sub|ad|hoc|working|special|permanent|executive|steering|rights|"
    r"development|reconciliation|dialogue|justice|security|human|soci[ée]t[ée]|civile|"
    r"sociedad|programme|program|task|force|affairs|relations|and|&)"
)
_ACTS_FOR = re.compile(r"\s(?:for|pour|por)\s+(?:the\s+|la\s+|le\s+|el\s+|l['’])?", re.I)
_CAPITALS_RUN = re.compile(r"(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*\s+){2,}(?=[A-ZÀ-Þ][a-zß-ÿ])")
"""Two or more words in capitals before a capitalised word: a person ("N MANDELA")."""
_CAPITALS_NAME = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*)+")
"""Two or more words in capitals and nothing else: a person ("SALOMÓN BORGES")."""
_PERSON_AFTER = re.compile(r"\s(?:H\.\s?E\.|Hon\.|Dr\.|Prof\.|Mr\.?|Mrs\.?|Ms\.?|Alhaji)\s")
"""An honorific inside an item: the person it names follows the body."""


def candidates(text: str, states: StateIndex, *, side: bool = False) -> list[tuple[str, str, str]]:
    """(name, abbreviation or "", how found) triples a mention's text names; ``side``
    when the text is the side a heading names ("[Central General Staff of the FARC-EP]:")."""
    if _THE_DATABASE.search(text):  # "PA-X, Peace Agreement Access Tool (Translation ©…)"
        return []
    out = []
    if side and _a_side_s_name(text):
        out.append((text, "", "side"))
    for m in _ABBR_FIRST.finditer(text):
        name = named_after(text[m.end() :], m.group(1))
        if name:
            out.append((name, m.group(1), "abbreviation first"))
    for m in ABBR_IN_BRACKETS.finditer(text):
        abbr = m.group(1).rstrip(".")
        if sum(ch.isupper() for ch in abbr) < 2:
            continue
        name = named_before(text[: m.start()], abbr)
        if name:
            out.append((name, abbr, "abbreviation"))
    speaks = SPEAKS_FOR.match(text)
    if speaks:
        name = speaks.group("x").strip()
        titled = TITLE_FIRST.match(name)  # "On behalf of the Secretary General of the UN …:"
        if not titled and (
            BLOCK.search(name) or _SIDE.search(name) or ("-" in name and " " not in name)
        ):
            out.append((name, "", "speaks for"))
    heading = _BODY_BEFORE_COLON.match(text)
    lead = _NUMBERING.sub("", heading.group("x")) if heading else ""
    if (
        BLOCK.search(lead)
        and not _DOCUMENT.search(lead)
        and not TITLE_FIRST.match(lead)
        and not _NO_HEADING_NAME.search(lead)
        and not states.find(lead)
        and not SPEAKS_FOR.match(text)
    ):
        out.append((lead.strip(), "", "before colon"))
    if re.search(r"[a-z]", text):
        named = [(st.start, st.end) for st in states.find(text, adjectives=False)]
        for m in _ALONE.finditer(text):
            token = m.group(1)
            in_state = any(s <= m.start() < e for s, e in named)  # "CÔTE D'IVOIRE"
            if _alone_ok(text, m, token) and not in_state:
                how = "after a person" if _after_person(text[: m.start()]) else "alone"
                out.append((token, "", how))
    seen = {name for name, _, _ in out}
    firsts = [f"{abbr} {name}" for name, abbr, how in out if how == "abbreviation first"]
    out += [
        (name, "", how)
        for name, how in _segment_bodies(text, states)
        if name not in seen
        and not any(f in name or name in f for f in firsts)
        # an armed body's name that is a piece of a longer one: "Second Marquetalia –
        # Bolivarian Army" (2844) names no "Bolivarian Army"
        and not (how == ARMED and any(name in other and name != other for other in seen))
    ]
    for m in REPUBLIC.finditer(text):
        tail = text[m.start("x") :] if m.group("x") else ""
        if tail and states.match_at(tail, 0):  # "Republic of Bosnia and Herzegovina"
            continue
        out.append((m.group(0).strip(), "", "republic" if m.group("y") else "republic of"))
    # a name cut short ("Association des Jeunes Actifs de [Illegible]") is none
    return [c for c in out if c[0].split()[-1].lower() not in GLUE]


def _a_side_s_name(text: str) -> bool:
    """Is the side a bracketed heading names a body's name, as a side "For …:" is (with
    an abbreviation: "[Central General Staff of the FARC-EP]:"), not a title, a document
    or a government that names no state ("[National Government]:")?"""
    named = BLOCK.search(text) or _SIDE.search(text) or _AN_ABBREVIATION.search(text)
    return bool(named) and not (TITLE_FIRST.match(text) or _DOCUMENT.search(text))


_AL = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z]")
"""An Arabic article before a capitalised word ("Jaysh al-Islam"), lowercase in a name."""
ARMED = "armed segment"
"""How :func:`candidates` finds an armed group's, an opposition's or an
administration's name without an abbreviation ("United Tajik Opposition")."""
_AN_ABBREVIATION = re.compile(rf"(?<![\w-]){ABBREVIATION}(?![\w-])")
_ARMED = re.compile(
    r"(?<![\w-])(?:army|arm[ée]e|ej[ée]rcito|forces?|opposition|administration|"
    r"jabhat|harakat|jaysh|jaish|liwa|fa[iy]laq|kata.ib|ans[aā]r)(?![\w-])",
    re.I,
)
"""Words for an armed group, an opposition or an administration: a body's word only in
a name with a word of its own (:func:`_armed_body`)."""
_NOT_OWN = re.compile(
    r"(?i:army|arm[ée]e|ej[ée]rcito|forces?|opposition|administration|armed|unarmed|"
    r"military|militar\w*|ground|mobile|resistance|revolutionary|liberation|political|"
    r"external|internal|general|division|service|medical|signator\w*|representing|free|"
    r"islam|islamic|syrian?|de|del|la|les|des|corps|h|al|el|people'?s|regional|"
    r"interim|transitional|ministry|protection|defen[cs]e|units?|national|democratic)"
)
"""Words that do not tell one armed body from another ("Military Forces", "Armed
Opposition", "Ground Forces Division")."""


_A_STATES_FORCES = re.compile(r"(?i:armed forces)")
"""Armed forces: a state's ("Lebanese Armed Forces", "Armed Forces of the DRC"), which
:meth:`~kg.importers.reconcile.Resolver.resolve` reads as the state's, or a body's
name in translation ("Revolutionary Armed Forces of Colombia"), which its abbreviation
ties to it."""
_KUNYA = re.compile(r"(?:Abu|Abou|Umm)\s+\S+\s+(?:al|el)-")
"""A person's name ("Abu Abdulrahman al-Kuwaiti …") before a body's."""


def _armed_body(name: str, rest: str) -> bool:
    """Is ``name`` an armed group's, an opposition's or an administration's name with a
    word of its own: "Bougainville Revolutionary Army", "United Tajik Opposition",
    "Faylaq al-Rahman"; not "Military Forces", "Lebanese Armed Forces" (a state's, whose
    name is blanked in ``rest``), "Forces Forces Nouvelles" or "General de Corps d'Armée
    X"?"""
    words = [w.strip(".,'’") for w in name.split()]
    if not _ARMED.search(rest) or len(set(w.lower() for w in words)) < len(words):
        return False
    if not [w for w in rest.split() if not _NOT_OWN.fullmatch(w.strip(".,'’"))]:
        return False  # a state's and the words of its forces only
    if _A_STATES_FORCES.search(name):
        return False
    if words and re.fullmatch(
        r"(?i:general|g[ée]n[ée]ral|colonel|major|captain|commander)", words[0]
    ):
        return False  # a rank before a person's name
    own = [w for w in words if w and not _NOT_OWN.fullmatch(w) and not _COMMON.fullmatch(w)]
    return any(w[0].isupper() or "-" in w for w in own)


def _segment_bodies(text: str, states: StateIndex) -> list[tuple[str, str]]:
    """Whole list items that are the name of a body: "…, the World Council of Churches and …".

    An item (between commas, semicolons, colons, dashes, brackets or " and the ")
    is a body's name when, after a leading title ("Representative", "Chairman")
    and article, it is two to eight words, every word but a few articles and
    prepositions capitalised, with a word for an organisation (council, committee,
    community, party, front, church …), a word that is a name of its own, and no
    title, document or state-only wording. A name whose only such word is one for an
    armed group, an opposition or an administration (:func:`_armed_body`) is found
    as ``ARMED``, which counts once two agreements give it.
    """
    out = []
    for item in _ITEM_SPLIT.split(_NUMBERING.sub("", text)):
        item = _MARK_AFTER.sub("", item)  # "Nepali Congress Sd."
        both = GOVERNMENT_AND.match(item.strip())
        if both and states.lookup(both["state"]):  # "Government of Rwanda and RPF"
            item = both["rest"]
        name = _body_of(_ITEM_LEAD.sub("", item.strip(" .'’\"-–—")).strip(" .'’\"-–—"))
        name = _ITEM_LEAD.sub("", name)  # "Dr. X for the Leadership of the …"
        words = name.split()
        rest = name
        for st in reversed(states.find(name)):  # "Igor Popov of the Russian Federation"
            rest = rest[: st.start] + " " + rest[st.end :]
        armed = not ORG_WORD.search(rest) and _armed_body(name, rest)
        if not 2 <= len(words) <= 8 or not (ORG_WORD.search(rest) or armed) or "/" in name:
            continue
        if glued(name) or _NO_HEADING_NAME.search(name) or _KUNYA.match(name):
            continue  # "Parti … PSD Parti …", "Party No.1", "Abu Abdulrahman al-Kuwaiti …"
        if any(w[0].islower() and w.lower() not in GLUE and not _AL.match(w) for w in words):
            continue
        if (
            TITLE_ANY.search(name)
            or _DOCUMENT.search(name)
            or item.lstrip()
            .lower()
            .startswith(("delegate", "coordinat", "secr", "member of", "head of"))
        ):
            continue
        proper = [w for w in words if w.lower() not in GLUE and not _COMMON.fullmatch(w)]
        if proper and not is_state_or_generic(name, states) and not states.lookup(name):
            out.append((name, ARMED if armed else "segment"))
    return out


_THE_DATABASE = re.compile(r"\bPA-X\b|Peace Agreement Access Tool", re.I)
"""The database's own name: its credit for a translation, never an actor."""


def _body_of(item: str) -> str:
    """The body a list item names, without the person before it: "Mr Simon Akuei Deng
    For Business Community" → "Business Community", "N MANDELA African National
    Congress" → "African National Congress"; "" when a person is named with no word
    to tell where the body begins ("Hon Peter Mayen Majongdit Umbrella Party")."""
    acts = _ACTS_FOR.search(item)
    if acts is not None:
        before = item[: acts.start()]
        person = HONORIFIC.match(before + " ") or _CAPITALS_NAME.fullmatch(before)
        if person and not ORG_WORD.search(before):
            return item[acts.end() :]
    if HONORIFIC.match(item):
        return ""
    run = _CAPITALS_RUN.match(item)
    body = item[run.end() :] if run else item
    after = _PERSON_AFTER.search(body)  # "Berom Steering Committee Dr. Da Jonah Madugu"
    return body[: after.start()] if after else body


def _alone_ok(text: str, m: re.Match[str], token: str) -> bool:
    """An all-capitals token that is an abbreviation, not a surname ("Yawovi AGBOYIBO")."""
    if sum(ch.isupper() for ch in token) < 3 or len(token) > 12 or _ROMAN.fullmatch(token):
        return False
    if pycountry.countries.get(alpha_3=token) is not None or token.lower() in GLUE:
        return False
    before, after = text[: m.start()], text[m.end() :]
    return not (_NAME_BEFORE.search(before) or _NAME_AFTER.match(after))


_AFTER_PERSON = re.compile(
    r"(?:^|\s)(?:(?:honou?rable|sir|dame|lady)\s|" + HONORIFIC.pattern + r")\s*"
    r"(?-i:\(?[A-ZÀ-Þ])[\w'’.()-]*(?:\s+(?!(?:for|of|the|and|on|to|in|at|from|with)\b)[\w'’.()-]+)*"
    r"\s*,\s*(?-i:[A-Z]{2,6}\s*,\s*)*$",
    re.I,
)
"""The end of a person's name and its comma, after an honorific, perhaps with other
post-nominals: "Mr. Ernest G. Munyi, ", "Honourable Sir John R Kaputin, KBE, "."""


def _after_person(before: str) -> bool:
    """Does an abbreviation after ``before`` follow a person's name, as an honour
    ("EBS", "CMG") or a body the person belongs to ("AFP") may?"""
    person = _AFTER_PERSON.search(re.split(r"[;:\[\]]", before)[-1])
    return person is not None and not TITLE_ANY.search(person.group(0))


__all__ = ["ARMED", "candidates"]
