"""File names of the site's pages: safe on every OS, unique on case-insensitive file systems.

A page's name is a lower-case ASCII slug of the IRI's last segment
(``[a-z0-9-]``, at most 60 characters). When the slug is not the segment
itself (upper case, unicode, ``#``/``?`` …) or two IRIs would share it, a
short hash of the full IRI is appended, so names never collide, even after
case folding, and never hold a character Windows, macOS or a URL would mind.

Examples
--------
>>> page_names(["https://w3id.org/conflict-kg/id/russia", "urn:x:Armenia"])
{'https://w3id.org/conflict-kg/id/russia': 'russia', 'urn:x:Armenia': 'armenia-50046508'}
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_UNSAFE = re.compile(r"[^a-z0-9]+")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def local_name(iri: str) -> str:
    """The IRI's last segment (after ``#``, ``/`` or ``:``).

    >>> local_name("https://w3id.org/conflict-kg/ontology#Mediator")
    'Mediator'
    """
    for sep in ("#", "/", ":"):
        head, found, tail = iri.rstrip("/#").rpartition(sep)
        if found and tail:
            return tail
    return iri


def slug(text: str) -> str:
    """Lower-case ASCII ``[a-z0-9-]`` form of ``text`` (``"x"`` when nothing is left).

    >>> slug("Nagorno-Karabakh (Artsakh)?")
    'nagorno-karabakh-artsakh'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", ascii_text.lower()).strip("-")[:60].strip("-")
    return cleaned or "x"


def _hash(iri: str) -> str:
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:8]


def page_names(iris: Iterable[str]) -> dict[str, str]:
    """Map each IRI to a page name (without extension), unique under case folding.

    Names are deterministic: they depend only on the set of IRIs.
    """
    ordered = sorted(set(iris))
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for iri in ordered:
        base = slug(local_name(iri))
        first[iri] = base
        counts[base] = counts.get(base, 0) + 1
    names: dict[str, str] = {}
    for iri in ordered:
        base = first[iri]
        plain = base == local_name(iri) and counts[base] == 1 and base not in _RESERVED
        names[iri] = base if plain else f"{base}-{_hash(iri)}"
    return names


__all__ = ["local_name", "page_names", "slug"]
