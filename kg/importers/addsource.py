"""The Turtle ``conflict-kg add-source`` writes: a source document and its sentences.

The document (``id:src-NAME``) records its publisher, language, held copy and,
if given, date, dateline and the reports it cites; these come from the curator,
so they are attested by an editorial inference saying so. Each sentence of the
held copy (:mod:`kg.importers.sourcetext`) becomes a quotation
``id:q-NAME-NN`` with its offsets. All text is written as escaped Turtle
literals; IRIs are checked before they reach the file.

Examples
--------
>>> ttl = source_turtle(
...     "Kota - Satu dua.\\n", name="fx", held_copy="fx.txt",
...     publisher="https://w3id.org/conflict-kg/id/news", language="id")
>>> "id:q-fx-01 a ckg:Quotation" in ttl and 'ckg:quote "Kota - Satu dua."@id' in ttl
True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from rdflib import Literal, URIRef

from kg.errors import UsageError
from kg.importers.sourcetext import furniture_lines, sentences

NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

PREFIXES = """@prefix ckg:  <https://w3id.org/conflict-kg/ontology#> .
@prefix id:   <https://w3id.org/conflict-kg/id/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""


def _is_date(text: str) -> bool:
    """Whether ``text`` is a calendar date written YYYY-MM-DD."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _iri(value: str) -> str:
    return URIRef(value).n3()


def _document(
    name: str,
    *,
    label: str,
    held_copy: str,
    publisher: str,
    language: str,
    date: str | None,
    dateline: str | None,
    cites: Sequence[str],
) -> list[str]:
    lines = [
        f"id:src-{name} a ckg:NewsArticle ;",
        f"    rdfs:label {Literal(label, lang='en').n3()} ;",
        f"    dct:publisher {_iri(publisher)} ;",
        f"    dct:language {Literal(language).n3()} ;",
    ]
    predicates = ["rdf:type", "dct:publisher", "dct:language", "ckg:heldCopy"]
    if date:
        lines.append(f'    dct:date "{date}"^^xsd:date ;')
        predicates.append("dct:date")
    if dateline:
        lines.append(f"    ckg:dateline {_iri(dateline)} ;")
        predicates.append("ckg:dateline")
    if cites:
        lines.append(f"    ckg:citesSource {' , '.join(_iri(c) for c in cites)} ;")
        predicates.append("ckg:citesSource")
    lines.append(f"    ckg:heldCopy {Literal(held_copy).n3()} .")
    reason = (
        "Given by the curator who added the source with conflict-kg add-source: the "
        "document's kind, publisher, language, held copy and, where given, its date, "
        "dateline and the reports it cites, read from the document itself."
    )
    return [
        *lines,
        "",
        f"[] a ckg:Attestation ; ckg:statementSubject id:src-{name} ;",
        f"    ckg:statementPredicate {' , '.join(predicates)} ;",
        f"    ckg:inferredBy id:inference-src-{name}-catalogue .",
        "",
        f"id:inference-src-{name}-catalogue a ckg:EditorialInference ;",
        f"    rdfs:label {Literal(f'catalogue entry of the source {name}', lang='en').n3()} ;",
        f"    ckg:reason {Literal(reason, lang='en').n3()} ;",
        f"    prov:used id:src-{name} .",
    ]


def source_turtle(
    text: str,
    *,
    name: str,
    held_copy: str,
    publisher: str,
    language: str,
    label: str | None = None,
    date: str | None = None,
    dateline: str | None = None,
    cites: Sequence[str] = (),
) -> str:
    """The Turtle for the source document ``id:src-NAME`` and its quotations.

    Raises
    ------
    UsageError
        A name that cannot be an id, a date that is not YYYY-MM-DD, a language
        that is not a language tag, or a text without any sentence.
    """
    if not NAME.match(name):
        raise UsageError(f"{name!r}: the output file's name must be lower-case words joined by -")
    if date is not None and not _is_date(date):
        raise UsageError(f"--date {date!r}: not a calendar date YYYY-MM-DD")
    if not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", language):
        raise UsageError(f"--language {language!r}: not a language tag such as id or en")
    found = sentences(text)
    if not found:
        raise UsageError(f"{held_copy}: no sentence in the text")
    width = max(2, len(str(len(found))))
    skipped = ", ".join(str(n) for n in furniture_lines(text)) or "none"
    out = [
        f"# Written by `conflict-kg add-source` from {held_copy}: the source document and",
        f"# one quotation per sentence ({len(found)} sentences; page furniture skipped:",
        f"# lines {skipped}). Add translations (ckg:translation) and attributions",
        "# (ckg:attributedTo) by hand, and attest each fact curated from these",
        "# quotations with a ckg:Attestation.",
        "",
        PREFIXES,
        *_document(
            name,
            label=label or f"Source text {held_copy}",
            held_copy=held_copy,
            publisher=publisher,
            language=language,
            date=date,
            dateline=dateline,
            cites=cites,
        ),
    ]
    for s in found:
        out += [
            "",
            f"id:q-{name}-{s.number:0{width}d} a ckg:Quotation ;",
            f"    prov:wasQuotedFrom id:src-{name} ;",
            f"    ckg:sentenceIndex {s.number} ;",
            f"    ckg:startOffset {s.start} ; ckg:endOffset {s.end} ;",
            f"    ckg:quote {Literal(s.text, lang=language).n3()} .",
        ]
    return "\n".join(out) + "\n"


__all__ = ["NAME", "source_turtle"]
