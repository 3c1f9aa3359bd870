"""PA-X's field values: dates, agreement ids, links and crosswalk ids, checked.

PA-X writes dates as DD/MM/YYYY, agreement ids as digits (sometimes with leading
zeros), crosswalk ids as floats ("388.0") and each agreement's page as a link,
which is written as an IRI only when it holds RFC 3986 characters alone.

Examples
--------
>>> parse_date("10/10/2020")
datetime.date(2020, 10, 10)
"""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})", re.ASCII)
# An http(s) link of RFC 3986 characters only: no space, quote, angle bracket, brace,
# backslash, caret, backtick or pipe, so it can never close a Turtle IRI.
_LINK = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
    r"(?:[/?#][A-Za-z0-9._~!$&'()*+,;=:@/?#%-]*)?"
)
_DIGITS = re.compile(r"[0-9]+")


def parse_date(text: str) -> dt.date:
    """Parse PA-X's DD/MM/YYYY date; ``ValueError`` if malformed or impossible.

    Examples
    --------
    >>> parse_date("31/02/2020")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    m = _DATE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"date {text.strip()!r} is not DD/MM/YYYY")
    return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))


def canonical_id(text: str) -> str:
    """An id of ASCII digits without leading zeros; ``""`` when not ASCII digits.

    Examples
    --------
    >>> canonical_id("0990001"), canonical_id("\u0669\u0660"), canonical_id(" 7 ")
    ('990001', '', '7')
    """
    value = text.strip()
    if not _DIGITS.fullmatch(value):
        return ""
    return value.lstrip("0") or "0"


def link_ok(text: str) -> bool:
    """Is ``text`` an http(s) link safe to write as an IRI (RFC 3986 characters only)?

    Examples
    --------
    >>> link_ok("https://www.peaceagreements.org/agreements/2322/")
    True
    >>> link_ok("https://a.org/2322/>,<https://evil.example/injected")
    False
    """
    return bool(_LINK.fullmatch(text)) and not re.search(r"%(?![0-9A-Fa-f]{2})", text)


def crosswalk_id(text: str) -> str:
    """A crosswalk id as an integer string: PA-X writes them as floats ("388.0").

    Leading zeros go, as :func:`canonical_id` drops them from an AgtId; anything
    but a whole number comes back as it is, for the caller to refuse.

    Examples
    --------
    >>> crosswalk_id("388.0"), crosswalk_id(" 0125.0"), crosswalk_id(""), crosswalk_id("1;2")
    ('388', '125', '', '1;2')
    """
    value = text.strip()
    if re.fullmatch(r"[0-9]+(\.0+)?", value):
        return canonical_id(value.split(".", 1)[0])
    return value


__all__ = ["canonical_id", "crosswalk_id", "link_ok", "parse_date"]
