"""Warnings (never failures, unless ``--strict``): missing labels, unreachable instances.

* ``missing-label-en`` / ``missing-label-id``: an ``id:`` instance (other than
  a quotation, which carries its text instead, or an attestation named by an
  IRI, which names its statements) with no English or no
  Indonesian ``rdfs:label``. As in the shapes, no Indonesian label is expected
  of a source document (it is named in English and its own language), of an
  editorial inference (the curators' record, in English), nor of an
  instance attested only by database records (PA-X gives English names only;
  the project does not invent translations), nor of one whose attesting
  documents all state a language (``dct:language``) other than Indonesian.
* ``unreachable``: an ``id:`` instance that no event and no source document
  can reach through the data's links (followed in either direction, ignoring
  ``ckg:attestedBy``): it is recorded, but nothing in the graph says what it
  has to do with anything.

Examples
--------
>>> from rdflib import Graph
>>> advice_findings(Graph(), Graph(), [])
[]
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg import CKG, ID
from kg.check.diagnostic import WARNING, Diagnostic
from kg.check.shacl.reference import label_of
from kg.read.linemap import Located, find_line

ROOT_CLASSES = (CKG.Event, CKG.SourceDocument)
SKIP_LINKS = (CKG.attestedBy, CKG.statementSubject, CKG.statementObject)  # provenance


def _instances(data: Graph) -> set[URIRef]:
    return {
        s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(ID))
    }


def _kinds(ontology: Graph, root: URIRef) -> set[URIRef]:
    found = {root}
    found.update(
        s for s in ontology.transitive_subjects(RDFS.subClassOf, root) if isinstance(s, URIRef)
    )
    return found


def _warn(
    files: Sequence[Located], data: Graph, node: URIRef, code: str, what: str, hint: str
) -> Diagnostic:
    where = find_line(files, node, RDF.type)
    label = label_of(data, node)
    return Diagnostic(
        kind="warning",
        code=code,
        severity=WARNING,
        message=what,
        file=str(where[0]) if where else None,
        line=where[1] if where else None,
        focus=str(node),
        focus_label=None if label == str(node) else label,
        hint=hint,
    )


def _english_only(data: Graph, node: URIRef, documents: set[URIRef], records: set[URIRef]) -> bool:
    """A source document, or an instance attested only by database records."""
    if any((node, RDF.type, d) in data for d in documents):
        return True
    evidence = list(data.objects(node, CKG.attestedBy))
    return bool(evidence) and all(any((e, RDF.type, r) in data for r in records) for e in evidence)


def _source_languages(data: Graph, node: URIRef) -> set[str]:
    """The ``dct:language`` of the documents attesting ``node`` (via quotations or directly)."""
    found: set[str] = set()
    for evidence in data.objects(node, CKG.attestedBy):
        documents = list(data.objects(evidence, PROV.wasQuotedFrom)) or [evidence]
        for doc in documents:
            found.update(str(lang).lower() for lang in data.objects(doc, DCTERMS.language))
    return found


def _expects_indonesian(
    data: Graph, node: URIRef, documents: set[URIRef], records: set[URIRef]
) -> bool:
    if _english_only(data, node, documents, records):
        return False
    languages = _source_languages(data, node)
    return not languages or any(lang.split("-")[0] == "id" for lang in languages)


def label_warnings(data: Graph, ontology: Graph, files: Sequence[Located]) -> list[Diagnostic]:
    """Instances without an English or an Indonesian label (see the module docstring)."""
    quotations = _kinds(ontology, CKG.Quotation) | _kinds(ontology, CKG.Attestation)
    # the curators' own records (English): no Indonesian label expected either
    documents = _kinds(ontology, CKG.SourceDocument) | _kinds(ontology, CKG.EditorialInference)
    records = _kinds(ontology, CKG.DatabaseRecord)
    found = []
    for node in sorted(_instances(data)):
        if any((node, RDF.type, q) in data for q in quotations):
            continue
        langs = {o.language for o in data.objects(node, RDFS.label) if isinstance(o, Literal)}
        if not _expects_indonesian(data, node, documents, records):
            langs.add("id")
        for lang, name in (("en", "English"), ("id", "Indonesian")):
            if lang not in langs:
                found.append(
                    _warn(
                        files,
                        data,
                        node,
                        f"missing-label-{lang}",
                        f"no {name} label",
                        f'Add rdfs:label "…"@{lang}.',
                    )
                )
    return found


def _reached(links: dict[object, set[object]], roots: Iterable[object]) -> set[object]:
    """Every node linked to one of ``roots``, in either direction (breadth first).

    A plain walk over a dict of neighbours: networkx's connected components give the
    same set, but importing networkx costs ``validate`` about 0.15 s.
    """
    reached = set(roots)
    queue = deque(reached)
    while queue:
        for node in links.get(queue.popleft(), ()):
            if node not in reached:
                reached.add(node)
                queue.append(node)
    return reached


def unreachable_warnings(
    data: Graph, ontology: Graph, files: Sequence[Located]
) -> list[Diagnostic]:
    """Instances in no connected component holding an event or a source document."""
    links: defaultdict[object, set[object]] = defaultdict(set)
    instances = _instances(data)
    for s, p, o in data:
        if p not in SKIP_LINKS and p != RDF.type and not isinstance(o, Literal):
            links[s].add(o)
            links[o].add(s)
    kinds = {k for c in ROOT_CLASSES for k in _kinds(ontology, c)}
    reached = _reached(links, {s for k in kinds for s in data.subjects(RDF.type, k)})
    return [
        _warn(
            files,
            data,
            node,
            "unreachable",
            "not linked to any event or source document (only its attestation points to it)",
            "Link it to the event or relation the source states, or remove it.",
        )
        for node in sorted(instances - reached)
    ]


def advice_findings(data: Graph, ontology: Graph, files: Sequence[Located]) -> list[Diagnostic]:
    """All warnings of this module."""
    return label_warnings(data, ontology, files) + unreachable_warnings(data, ontology, files)


__all__ = ["advice_findings", "label_warnings", "unreachable_warnings"]
