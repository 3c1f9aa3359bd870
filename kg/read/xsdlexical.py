"""The lexical spaces of the XSD datatypes the checks judge themselves.

rdflib's ``ill_typed`` flag misses some (``"2020-13"^^xsd:gYearMonth``, ``"@@"^^
xsd:base64Binary``) and refuses valid ones (an integer of more than 4,300 digits);
:data:`LEXICAL` gives each datatype here a test of its lexical form (ranges of the
integer types included), and the rest is left to rdflib.

Examples
--------
>>> LEXICAL[XSD.byte]("300")
False
>>> LEXICAL[XSD.gMonthDay]("--02-29")
True
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from datetime import date, datetime

from rdflib import URIRef
from rdflib.namespace import XSD

TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
YEAR = r"-?(?:[1-9]\d{4,}|\d{4})"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def valid_date(lex: str) -> bool:
    """An ``xsd:date`` lexical form with a day that exists (29 February in leap years)."""
    m = re.fullmatch(rf"({YEAR})-(\d\d)-(\d\d){TZ}", lex)
    if not m or not _month_day(m.group(2), m.group(3)):
        return False
    return m.group(2) != "02" or m.group(3) != "29" or _leap(int(m.group(1)))


def _month_day(month: str, day: str) -> bool:
    try:
        date(2000, int(month), int(day))  # a leap year: 29 February exists
    except ValueError:
        return False
    return True


def valid_datetime(lex: str) -> bool:
    """An ``xsd:dateTime`` lexical form (24:00:00 allowed, as XSD 1.1 does)."""
    m = re.fullmatch(rf"({YEAR}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?{TZ}", lex)
    if not m or not valid_date(m.group(1)):
        return False
    hms = (int(m.group(2)), int(m.group(3)), int(m.group(4)))
    if hms[0] == 24:
        return hms[1:] == (0, 0) and not (m.group(5) or "").strip(".0")
    try:
        datetime(2000, 1, 1, *hms)
    except ValueError:
        return False
    return True


def _integer(low: int | None = None, high: int | None = None) -> Callable[[str], bool]:
    """The test of an integer type's lexical form and range (no limit on the digits)."""

    def check(lex: str) -> bool:
        m = re.fullmatch(r"([+-]?)0*(\d+)", lex)
        if not m:
            return False
        digits, negative = m.group(2), m.group(1) == "-" and m.group(2) != "0"
        if len(digits) > 40:  # beyond every bounded type: only the sign can matter
            return (low is None or not negative) and (high is None or negative)
        value = -int(digits) if negative else int(digits)
        return (low is None or value >= low) and (high is None or value <= high)

    return check


def _base64(lex: str) -> bool:
    try:
        base64.b64decode("".join(lex.split()), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _month_day_form(lex: str) -> bool:
    m = re.fullmatch(rf"--(\d\d)-(\d\d){TZ}", lex)
    return m is not None and _month_day(m.group(1), m.group(2))


LEXICAL: dict[URIRef, Callable[[str], bool]] = {
    XSD.integer: _integer(),
    XSD.nonNegativeInteger: _integer(low=0),
    XSD.positiveInteger: _integer(low=1),
    XSD.nonPositiveInteger: _integer(high=0),
    XSD.negativeInteger: _integer(high=-1),
    XSD.long: _integer(-(2**63), 2**63 - 1),
    XSD.int: _integer(-(2**31), 2**31 - 1),
    XSD.short: _integer(-(2**15), 2**15 - 1),
    XSD.byte: _integer(-(2**7), 2**7 - 1),
    XSD.unsignedLong: _integer(0, 2**64 - 1),
    XSD.unsignedInt: _integer(0, 2**32 - 1),
    XSD.unsignedShort: _integer(0, 2**16 - 1),
    XSD.unsignedByte: _integer(0, 2**8 - 1),
    XSD.decimal: lambda s: re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", s) is not None,
    XSD.boolean: lambda s: s in {"true", "false", "1", "0"},
    XSD.gYear: lambda s: re.fullmatch(rf"{YEAR}{TZ}", s) is not None,
    XSD.gYearMonth: lambda s: re.fullmatch(rf"{YEAR}-(?:0[1-9]|1[0-2]){TZ}", s) is not None,
    XSD.gMonthDay: _month_day_form,
    XSD.gMonth: lambda s: re.fullmatch(rf"--(?:0[1-9]|1[0-2]){TZ}", s) is not None,
    XSD.gDay: lambda s: re.fullmatch(rf"---(?:0[1-9]|[12]\d|3[01]){TZ}", s) is not None,
    XSD.date: valid_date,
    XSD.dateTime: valid_datetime,
    XSD.base64Binary: _base64,
    XSD.hexBinary: lambda s: re.fullmatch(r"(?:[0-9A-Fa-f]{2})*", s) is not None,
}
"""A test of the lexical form for each datatype judged here (the value is stripped first)."""

__all__ = ["LEXICAL", "TZ", "YEAR", "valid_date", "valid_datetime"]
