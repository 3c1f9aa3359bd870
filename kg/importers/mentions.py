"""Split PA-X's free-text signatory and third-party fields into mentions.

PA-X's ``Part`` and ``ThrdPart`` columns are several lines of names, titles and
notes: ``"V. Kazimirov\\n(Plenipotentiary Representative …)"``, ``"Page 1. Agreement
witnessed by: President of the Russian Federation V.V.Putin"``. Each line is one
mention; a line that is only a bracketed note is attached to the mention before it;
PA-X's editorial notes in square brackets are kept in the text but not matched.
The role an actor plays (signatory, mediator, witness …) comes from cue words on
the line or on a header line above it ("Agreement witnessed by:").

Examples
--------
>>> [(m.text, m.role) for m in split_mentions("A\\n(note)\\nTo B", column="Part")]
[('A (note)', 'signatory'), ('To B', 'addressee')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROLES = ("signatory", "party", "addressee", "thirdParty", "mediator", "witness", "guarantor")
"""Roles a mention can give its actors, in the agreement."""

_PAGE = re.compile(r"^\s*page\s+\d+\s*[.:]?\s*", re.I)
_ADDRESSEE = re.compile(r"^\s*(?:to|copy to|copied to|cc)\b[\s:]", re.I)
_WITNESS = re.compile(r"\bwitness", re.I)
_GUARANTOR = re.compile(r"\bguarant", re.I)
_MEDIATOR = re.compile(
    r"\bmediat|\bfacilitat|\bauspices\b|\bco-?chair(?:s|men|man)?\b|\bon behalf of the co-?chair",
    re.I,
)
_NOT_SIGNED = re.compile(r"\bnot signed\b|\bunsigned\b", re.I)
_EDITORIAL = re.compile(r"\[[^\]]*\]?")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Mention:
    """One actor mention in a PA-X free-text field.

    Attributes
    ----------
    column : str
        ``"Part"`` or ``"ThrdPart"``.
    text : str
        The mention as written (whitespace collapsed, notes attached).
    role : str
        One of :data:`ROLES`.
    header : bool
        The line introduces the next ones ("Parties:"); unresolved, it is no mention.
    """

    column: str
    text: str
    role: str
    header: bool = False

    @property
    def match_text(self) -> str:
        """The text to resolve: page markers and PA-X's [editorial notes] removed."""
        return _SPACE.sub(" ", _EDITORIAL.sub(" ", _PAGE.sub("", self.text))).strip()


def _clean(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def _cue(text: str) -> str | None:
    """The role a cue word on ``text`` names, if any."""
    if _WITNESS.search(text):
        return "witness"
    if _GUARANTOR.search(text):
        return "guarantor"
    if _MEDIATOR.search(text):
        return "mediator"
    return None


def _is_header(text: str) -> bool:
    """A line such as ``"Parties:"`` or ``"Agreement witnessed by:"`` that introduces others."""
    return text.endswith(":") and len(text.split()) <= 12


def _role(column: str, text: str, context: str | None, not_signed: bool) -> str:
    if _ADDRESSEE.match(_PAGE.sub("", text)):
        return "addressee"
    if column == "Part":
        return "party" if not_signed else "signatory"
    return _cue(text) or context or "thirdParty"


def _lines(text: str) -> list[str]:
    """Non-empty cleaned lines, a bracket-only line joined to the line before it."""
    out: list[str] = []
    for raw in text.splitlines() or [text]:
        line = _clean(raw)
        if not line:
            out.append("")
            continue
        prev = out[-1] if out else ""
        if prev and (prev.count("(") > prev.count(")") or line.startswith("(")):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


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
        In the order of the text; header lines that only introduce the next lines
        ("Agreement witnessed by:") give their cue to the lines after them, up to the
        next header.

    Examples
    --------
    >>> [m.role for m in split_mentions("Agreement witnessed by:\\nX", column="ThrdPart")]
    ['witness', 'witness']
    """
    not_signed = bool(_NOT_SIGNED.search(text))
    context: str | None = None
    mentions: list[Mention] = []
    for line in _lines(text):
        if not line:
            continue
        role = _role(column, line, context, not_signed)
        if _is_header(line):
            context = _cue(line)
        mention = Mention(column, line, role, _is_header(line))
        if mention.match_text:
            mentions.append(mention)
    return mentions


__all__ = ["ROLES", "Mention", "split_mentions"]
