"""Split PA-X's free-text signatory and third-party fields into mentions.

PA-X's ``Part`` and ``ThrdPart`` columns are several lines of names, titles and
notes: ``"V. Kazimirov\\n(Plenipotentiary Representative …)"``, ``"Page 1. Agreement
witnessed by: President of the Russian Federation V.V.Putin"``, ``"Guarantor
Countries\\n\\nArmando Franchi (Representative of …)"``. Each line is one mention; a
line that is only a bracketed note, or a title or affiliation line under a person's
name ("Barani Kussala\\nBishop and Chairperson of …"), is joined to the line before
it. A heading line ("WITNESS", "Guarantor Countries", "As observers for …:") is kept
as the ``heading`` of the mentions under it and gives them its role. Roles are read
in English, French, Spanish and Portuguese, the languages of PA-X's texts; a mention
may have several ("As witnesses and depositaries (Guarantor countries)").

Examples
--------
>>> [(m.text, m.role) for m in split_mentions("A\\n(note)\\nTo B", column="Part")]
[('A (note)', 'signatory'), ('To B', 'addressee')]
>>> [(m.text, m.roles, m.heading) for m in split_mentions("WITNESS\\nX", column="ThrdPart")]
[('X', ('witness',), 'WITNESS')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from kg.importers.language import field_language
from kg.importers.role_cues import (
    CUES,
    PRESENCE,
    before_third_parties,
    cues,
    from_role_word,
    names_someone,
    own_cues,
)

ROLES = (
    "signatory",
    "party",
    "addressee",
    "thirdParty",
    "mediator",
    "facilitator",
    "co-chair",
    "guarantor",
    "witness",
    "observer",
)
"""Roles a mention can give its actors, in the agreement, as the text names them."""

_PAGE = re.compile(r"^\s*page\s+\d+\s*[.:]?\s*", re.I)
_NUMBER = re.compile(r"^\s*(?:\d+|[IVX]+|[a-h])[.)]\s*", re.I)
_ADDRESSEE = re.compile(r"^\s*(?:to|copy to|copied to|cc)\b[\s:]", re.I)
_NOT_SIGNED = re.compile(r"\bnot signed\b|\bunsigned\b|\bno firmad|\bnon sign", re.I)
_CONTINUES = re.compile(r"\b(?:of|by|between|from|de|por|par|entre)\s*$", re.I)
"""A line that ends mid-phrase: "Agreement not signed, but a declaration of"."""
_INLINE_HEADING = re.compile(r"^(?P<lead>[^:]{3,80}?)\s*:\s*\S")
"""A heading that starts a line, its first mention after the colon ("Witnessed by: X")."""
_NO_ROLE = re.compile(r"(?:host(?:ed by)?|venue|h[ôo]te|anfitri[óo]n)", re.I)
"""A heading that gives the names after it no role of :data:`ROLES` ("Host: X")."""
SIDE = re.compile(r"\W*(?:for|on behalf|pour|au nom|por|en nombre|pelo|em nome)\b", re.I)
"""Text that names a side, not a role ("For and on behalf of the Facilitator (X): Y",
"For the Chadian Mediation: Z"): a role word in it is that side's alone."""
_PRESENCE = re.compile(r"\W*in the presence\b", re.I)
_PRESENT = re.compile(
    r"(?:(?:[ée]taient|were|also|estuvieron)\s+)?pr[ée]sents?|those present|"
    rf"(?:{PRESENCE.pattern})\s*:?",
    re.I,
)
"""A heading for those present, who take no role ("Etaient présents", "In the presence of:")."""
_EDITORIAL = re.compile(r"\[[^\]]*\]?")
_BRACKETED_SIDE = re.compile(r"\[\s*(?P<side>[A-ZÀ-Ý][^\[\]:]{2,79}?)\s*\]\s*:")
"""A side PA-X's coders name in brackets above its signatures ("[Central General Staff
of the FARC-EP]:", 2701): a heading, not an editorial note."""
_BRACKET_NOTE = re.compile(r"sign|illegib|unintelligib|\bnames?\b|\bnote\b|unknown|\d", re.I)
"""What makes a bracketed heading a note on the signatures ("[No signature]:")."""
_SPACE = re.compile(r"\s+")
_TRAILING_DASH = re.compile(r"\s*[-–—]+$")
"""A dash after a side's name, before its signatory's line ("For the MPCI-", 436)."""
_MARK_ONLY = re.compile(r"[\W_]*(?:(?:signed|sgd|sd|firmado|sign[ée]e?)\b[\W_]*)*", re.I)
"""A line that names no one: a signature mark alone ("(Signed)", "Sd.", "(sgd.)") or
a dotted signature line ("……………", "..."). "(Illegible)" still stands for a signatory."""
_GOVT = re.compile(r"\b(?:G(?:ovt|OVT)\b\.?|(?i:goverment)\b)")
""""Govt", "Govt." and the misspelt "Goverment" (1117) are "Government" (not a "govt
established body" in a note, 167)."""
_BULLET = re.compile(r"^[-–—•*·]+\s+")
"""A list's mark before a mention ("- For the Rally of Forces for Change: …")."""
# A line that continues the person named on the line before: a title or an affiliation.
_TITLE = re.compile(
    r"^(?:for|on behalf of|representative|representing|president|prime minister|minister|"
    r"secretary|head|chair|leader|ambassador|special|envoy|bishop|commander|chief|deputy|"
    r"vice|coordinator|member|director|governor|general|colonel|spokes\w+|advis[eo]r|"
    r"presidential|pour|au nom|repr[ée]sentant|pr[ée]sident|ministre|por|en nombre|"
    r"representante|presidente|ministro|jefe|pelo|em nome)\b",
    re.I,
)
_GROUP_HEADING = re.compile(
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}(?:countries|persons|partners|parties|stakeholders|"
    r"signatories|signataires|firmantes|pa[ií]ses|pays|accompan\w*|acompa\w*|compan\w*)",
    re.I,
)
_OPEN_ENDED = re.compile(
    r"\b(?:representative|representatives|delegate|envoy|ambassador|headquarters?|"
    r"office|embassy)\s*$",
    re.I,
)
_DANGLING = re.compile(
    r"\s(?:of|the|du|de|des|la|le|pour|del|da|do|dos|das|en|et)$|(?-i:\b[A-ZÀ-Ý][a-zà-ÿ]{2,})-$"
    r"|\s(?:of the|del|de la)(?:\s(?:Central|General|National|Nacional|Supreme|Joint|High))+$",
    re.I,
)
"""A line cut inside a name, before the words it needs: "Front Démocratique du",
"Delegation of the Central" (then "General Staff of the FARC-EP")."""
_CONTINUED = re.compile(r"d['’][A-ZÀ-Ý]|(?:de la|de l['’]|du|des|de)\s+[A-ZÀ-Ý]")
"""A line that continues the name on the line before: "d'Ivoire", "de la Centrafrique
(FPRC)" (a name in French does not begin with a lowercase preposition)."""
_GAP = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]]))[ \xa0]{3,}(?=\S)")
"""A gap between two columns of one printed row ("African Union    Economic Community
of"), not the one after a list's mark or number ("•    X", "II.    The Guarantors").
Tabs align a body and its delegate on one row (the DRC's 623: "L'Intersyndicale du
Congo \t\tSteve Mbikayi"), not two columns of names."""
_ABBREVIATION_LAST = re.compile(r"(?:^|\s)[A-Z][A-Z0-9/&.-]+$")


def _cells(row: str) -> list[str]:
    """``row`` cut at the gaps between its printed columns, except after an abbreviation
    or a surname in capitals, which its name or title follows on the same row ("AEEC
    Association des Eglises …", "Blaise CAMPAORE      President of Faso"); a row with
    more than two gaps is justified text, a cell begins with a capital letter.

    >>> _cells("African Union    Economic Community of")
    ['African Union', 'Economic Community of']
    >>> _cells("ADP      Alliance pour la Démocratie et le Progrès")
    ['ADP      Alliance pour la Démocratie et le Progrès']
    >>> len(_cells("His   Excellency   Mr.  Ahmed   Teguedi,   Minister   for   Foreign"))
    1
    """
    gaps = list(_GAP.finditer(row))
    if len(gaps) > 2:  # a justified line ("His   Excellency   Mr.  Ahmed   Teguedi, …")
        return [row]
    cells, start = [], 0
    for gap in gaps:
        if row[gap.end()].isupper() and not _ABBREVIATION_LAST.search(row[start : gap.start()]):
            cells.append(row[start : gap.start()])
            start = gap.end()
    return [*cells, row[start:]]


_TRAILER = re.compile(r"(?:headquarters?|office|secretariat|mission)\.?", re.I)
_PERSON = re.compile(r"^(?:[A-Z][\w'’.-]*\.?\s+){1,4}[A-Z][\w'’-]+$")


@dataclass(frozen=True)
class Mention:
    """One actor mention in a PA-X free-text field.

    Attributes
    ----------
    column : str
        ``"Part"`` or ``"ThrdPart"``.
    text : str
        The mention as written (whitespace collapsed, notes and affiliation joined).
    role : str
        The first of its roles (one of :data:`ROLES`).
    header : bool
        The line introduces the next ones ("Parties:"); unresolved, it is no mention.
    heading : str
        The heading the mention stands under ("Guarantor Countries"), or ``""``.
    language : str
        ``en``, ``fr``, ``es`` or ``pt``: the language of the field.
    roles : tuple of str
        Every role the text gives it; ``(role,)`` when not given.
    """

    column: str
    text: str
    role: str
    header: bool = False
    heading: str = ""
    language: str = "en"
    roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.roles:
            object.__setattr__(self, "roles", (self.role,))

    @cached_property
    def side(self) -> str:
        """The side a heading names in PA-X's brackets ("[FARC-EP]:"), or ""."""
        found = _BRACKETED_SIDE.fullmatch(_PAGE.sub("", self.text).strip())
        if not self.header or found is None or _BRACKET_NOTE.search(found["side"]):
            return ""
        return found["side"]

    @cached_property
    def match_text(self) -> str:
        """The text to resolve: page markers, a list's mark and PA-X's [editorial notes]
        removed (the side of a bracketed heading kept: :attr:`side`), empty for a line
        that names no one (:data:`_MARK_ONLY`), and in a
        signatories' note (:data:`NOTE_WORDS`) the third parties it names after them
        ("… met in Kampala under the auspices of …")."""
        if self.side:
            return self.side
        text = _SPACE.sub(" ", _EDITORIAL.sub(" ", _PAGE.sub("", self.text))).strip()
        text = _GOVT.sub("Government", _TRAILING_DASH.sub("", _BULLET.sub("", text)))
        if _MARK_ONLY.fullmatch(text):
            return ""
        if self.column == "Part" and len(self.text.split()) > NOTE_WORDS:
            return before_third_parties(text)
        return text


def without_page(text: str) -> str:
    """``text`` without a leading page marker ("Page 1. Agreement witnessed by: …").

    >>> without_page("Page 2: For the UN")
    'For the UN'
    """
    return _PAGE.sub("", text)


def _clean(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def _is_header(text: str) -> bool:
    """A line that introduces the next ones: "Parties:", "WITNESS", "Guarantor Countries"
    (also after a list's mark: "* Guarantor countries")."""
    bare = _BULLET.sub("", _NUMBER.sub("", _PAGE.sub("", text)).strip()).strip()
    words = bare.split()
    if bare.endswith(":") and len(words) <= 12:
        return True
    if _NOT_SIGNED.search(bare) and _CONTINUES.search(bare):
        return True  # a note on the signatures that introduces the names after it
    lead, colon, rest = bare.partition(":")
    if colon and cues(lead) and _GROUP_HEADING.fullmatch(rest.strip()):
        return True  # "As witnesses and depositaries: Guarantor countries"
    if _GROUP_HEADING.fullmatch(bare) or (_NUMBER.match(text) and bare.isupper() and words):
        return True
    if _PRESENT.fullmatch(bare):
        return True  # "Etaient présents": those after it have no role
    if not words or not cues(bare):
        return False
    first = re.sub(
        r"^(?:as|for the|for|the|pour l[ae]s?|pour l['’]|pour|por l[ao]s?|por|como)\s*",
        "",
        bare,
        flags=re.I,
    )
    role = first if any(p.match(first) for _, p in CUES) else from_role_word(first)
    short = bool(role) and len(words) <= 5 and "(" not in bare and not names_someone(role)
    return short or (bare.isupper() and len(words) <= 6)


def _inline_heading(line: str) -> str:
    """The heading a line opens with, before its first mention ("Agreement witnessed by").

    Only a heading that names a role ("Witnessed by", "Guarantors") or a place that
    gives none ("Host") counts: "For the Government of X: Y" names a side, not a role.
    """
    found = _INLINE_HEADING.match(_PAGE.sub("", line))
    if found is None:
        return ""
    lead = found.group("lead").strip()
    if ";" in lead:  # "Signed by Mugabe, Zimbabwe; Witnesses: …": a list, read part by part
        return ""
    named = cues(lead) or _NO_ROLE.fullmatch(lead)
    # "For and on behalf of the Facilitator (X): Y", "In the presence of …: Z": one mention
    side = SIDE.match(lead) or _PRESENCE.match(lead)
    return lead if named and not side and _is_header(lead + ":") else ""


def _role(
    column: str, text: str, context: tuple[str, ...], not_signed: bool, *, present: bool = False
) -> tuple[str, ...]:
    if _ADDRESSEE.match(_PAGE.sub("", text)):
        return ("addressee",)
    if column == "Part" and (present or _opens_presence(text)):
        return ("thirdParty",)  # "In the presence of …" among the signatories (251, 702)
    if column == "Part":
        own = own_cues(text, under_role=True)
        if set(own) & set(_MEDIATES) and len(text.split()) <= NOTE_WORDS:  # "…, Co-mediator"
            return tuple(r for r in own if r != "co-chair")
        return ("party",) if not_signed else ("signatory",)
    return own_cues(text, under_role=bool(context)) or context or ("thirdParty",)


def _opens_presence(line: str) -> bool:
    """Does ``line`` open with "In the presence of" (after a list's mark), or with the side
    of the international community ("For the international community:", "Pour la
    Communauté internationale"), which signs as a third party (621, 801, 807)?"""
    opening = _BULLET.sub("", line.strip())
    return bool(PRESENCE.match(opening) or _COMMUNITY.match(opening))


_COMMUNITY = re.compile(
    r"(?:for|pour|por)\s+(?:the\s+|la\s+)?(?:international\s+community"
    r"|communaut[ée]\s+internationale|comunidad\s+internacional)\b",
    re.I,
)


_MEDIATES = ("mediator", "facilitator")
NOTE_WORDS = 20
"""A signatories' line longer than this is a note ("… met in Kampala under the auspices
of …"), whose role words are not its actors' roles."""


def _joins(prev: str, line: str, person_block: bool) -> bool:
    """Does ``line`` continue the mention on ``prev``?"""
    if prev.count("(") > prev.count(")") or line.startswith("("):
        return True
    if _is_header(prev) or _is_header(line):
        return False
    if (_OPEN_ENDED.search(prev) and len(prev.split()) <= 3) or _TRAILER.fullmatch(line):
        return True  # "UNMISS Representative" / "South Sudan" / "Headquarter"
    if _DANGLING.search(prev) or _CONTINUED.match(line):
        return True  # "Republic of Cote" / "d'Ivoire", "Front Démocratique du" / "Peuple"
    if SIDE.match(prev) and prev.endswith(",") and not SIDE.match(line):
        return True  # "For the mediator of the CEDEAO and the delegation," / "The Minister of
        # Foreign Affairs … of Burkina Faso" (808); not "For the EU, X," / "For Y, Z," (1256)
    return person_block and bool(_TITLE.match(line))


def _lines(text: str) -> list[str]:
    """Non-empty cleaned lines; notes, titles and affiliations joined to their line."""
    out: list[str] = []
    person_block = False
    for raw in [cell for row in text.splitlines() or [text] for cell in _cells(row)]:
        line = _clean(raw)
        if not line:
            out.append("")
            person_block = False
            continue
        prev = out[-1] if out else ""
        if prev and _joins(prev, line, person_block):
            out[-1] += line if out[-1].endswith("-") else f" {line}"  # "Républicaines-" / "…"
            continue
        out.append(line)
        person_block = bool(_PERSON.match(line)) and not cues(line) and not SIDE.match(line)
    return out


def _side_under_role(
    column: str, line: str, own: tuple[str, ...], context: tuple[str, ...]
) -> bool:
    """Is a heading line (whose own roles are ``own``) a side that names no role under a
    heading that gives one ("Witnesses", then "For the United Nations:")? The side keeps
    that role."""
    return column == "ThrdPart" and bool(context) and bool(SIDE.match(line)) and not own


def split_mentions(text: str, *, column: str) -> list[Mention]:
    """Split a ``Part`` or ``ThrdPart`` field into mentions with their roles.

    Parameters
    ----------
    text : str
        The field, verbatim (several lines).
    column : str
        ``"Part"`` (signatories) or ``"ThrdPart"`` (third parties).

    Returns
    -------
    list of Mention
        In the order of the text; heading lines give their cue and their text to
        the lines after them, up to the next heading. A heading that names a role
        is no mention of its own.

    Examples
    --------
    >>> [m.role for m in split_mentions("Agreement witnessed by:\\nX", column="ThrdPart")]
    ['witness', 'witness']
    """
    not_signed = bool(_NOT_SIGNED.search(text))
    language = field_language(text)
    context: tuple[str, ...] = ()
    heading = ""
    outer: tuple[tuple[str, ...], str] | None = None  # what an inline heading replaced
    mentions: list[Mention] = []
    under = False  # right under a heading with a role, before any name
    present = False  # under "In the presence of:", up to the next heading
    community = False  # under "For the International Community", to its paragraph's end
    for line in _lines(text):
        if not line:
            if outer is not None:  # an inline heading holds to the end of its paragraph
                (context, heading), outer = outer, None
            community = False
            continue
        if SIDE.match(line):  # "For the International Community" (807), then "Pour Ngazidja"
            community = bool(_COMMUNITY.match(_BULLET.sub("", line)))
        header = _is_header(line)
        own = cues(line) if header else ()
        refines = header and under and bool(_BULLET.match(line))
        under = bool(own)
        if not header and (lead := _inline_heading(line)):  # "Witnessed by: X" then "Y"
            outer = outer or (context, heading)
            context, heading = cues(lead), lead
        if header:  # "In the presence of:" (702); not "Those present:", the makers in 2675
            present = _opens_presence(line)
        roles = _role(
            column, line, context, not_signed, present=(present or community) and not header
        )
        if header and not _side_under_role(column, line, own, context):
            # a bulleted heading right under another refines it: "- As witnesses and
            # depositaries:" / "* Guarantor countries" (2589)
            refined = tuple(r for r, _ in CUES if r in own or (refines and r in context))
            context, heading, outer = refined, line.rstrip(":").strip(), None
            if context and len(line.split()) <= 6 and not line.rstrip().endswith(":"):
                continue  # "WITNESS", "Guarantor Countries": a heading, not a mention
        mention = Mention(
            column,
            line,
            roles[0],
            header,
            heading if not header else "",
            language,
            roles,
        )
        if mention.match_text:
            mentions.append(mention)
    return mentions


__all__ = ["NOTE_WORDS", "ROLES", "SIDE", "Mention", "split_mentions", "without_page"]
