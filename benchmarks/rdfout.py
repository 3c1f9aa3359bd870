"""Streaming RDF writers (N-Triples, Turtle) for the synthetic graph generator.

Terms are kept as N-Triples tokens (``<iri>``, ``"text"@en``,
``"1994"^^<…#gYear>``); the Turtle writer shortens IRIs with the project's
prefixes and groups the triples of one entity. Nothing is kept in memory
beyond the entity being written.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> w = NTriplesWriter(out)
>>> w.entity(iri("id", "x"), [(iri("rdfs", "label"), lit("X", "en"))])
>>> out.getvalue()
'<https://w3id.org/conflict-kg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "X"@en .\\n'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

PREFIXES = {
    "ckg": "https://w3id.org/conflict-kg/ontology#",
    "id": "https://w3id.org/conflict-kg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
}

Pairs = Sequence[tuple[str, str]]


def iri(prefix: str, local: str) -> str:
    """The N-Triples token of ``prefix:local``."""
    return f"<{PREFIXES[prefix]}{local}>"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def lit(text: str, lang: str | None = None) -> str:
    """A string literal, language-tagged when ``lang`` is given."""
    return f'"{_escape(text)}"@{lang}' if lang else f'"{_escape(text)}"'


def typed(lexical: str, datatype: str) -> str:
    """A typed literal; ``datatype`` is an XSD local name (``date``, ``gYear``, ``integer``)."""
    return f'"{_escape(lexical)}"^^{iri("xsd", datatype)}'


RDF_TYPE = iri("rdf", "type")


class NTriplesWriter:
    """Write entities as N-Triples lines; ``count`` is the number of triples written."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def start(self) -> None:
        """Write the header (none for N-Triples)."""

    def entity(self, subject: str, pairs: Pairs) -> None:
        """Write the triples ``subject p o`` for each ``(p, o)``."""
        self.out.write("".join(f"{subject} {p} {o} .\n" for p, o in pairs))
        self.count += len(pairs)


class TurtleWriter(NTriplesWriter):
    """Write entities as Turtle blocks with prefixed names."""

    _order = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def start(self) -> None:
        """Write the ``@prefix`` lines."""
        self.out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()) + "\n")

    def _short(self, token: str) -> str:
        if token == RDF_TYPE:
            return "a"
        if token.startswith("<"):
            for prefix, ns in self._order:
                if token.startswith("<" + ns):
                    local = token[len(ns) + 1 : -1]
                    if local.replace("-", "").replace("_", "").isalnum():
                        return f"{prefix}:{local}"
            return token
        if "^^<" in token:
            lex, dtype = token.rsplit("^^", 1)
            return f"{lex}^^{self._short(dtype)}"
        return token

    def entity(self, subject: str, pairs: Pairs) -> None:
        """Write one subject block ``s p o ; p o .``."""
        if not pairs:
            return
        body = " ;\n    ".join(f"{self._short(p)} {self._short(o)}" for p, o in pairs)
        self.out.write(f"{self._short(subject)} {body} .\n")
        self.count += len(pairs)


__all__ = ["PREFIXES", "RDF_TYPE", "NTriplesWriter", "TurtleWriter", "iri", "lit", "typed"]
