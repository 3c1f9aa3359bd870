"""Ontology quality control: labels, definitions, domains/ranges, duplicates, unused terms.

Runs on the ontology files being validated (each parsed with line numbers) and
reports against the line of the declaration.

Examples
--------
>>> from kg.read.linemap import parse_with_lines, Located
>>> from pathlib import Path
>>> text = '''@prefix owl: <http://www.w3.org/2002/07/owl#> .
... <https://w3id.org/conflict-kg/ontology#Thing> a owl:Class .'''
>>> g, m = parse_with_lines(text)
>>> sorted(d.code for d in ontology_findings([Located(Path("o.ttl"), g, m)], g))
['missing-definition', 'missing-label']
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg import CKG
from kg.check.diagnostic import ERROR, WARNING, Diagnostic
from kg.check.shacl.reference import label_of
from kg.read.linemap import Located
from kg.read.wellformed import DECLARING_TYPES

BUILTIN_NAMESPACES = (str(XSD), str(RDF), str(RDFS), str(OWL))
"""Ranges in these namespaces (datatypes, rdfs:Literal …) resolve without a declaration."""


def _ckg_terms(f: Located) -> list[tuple[URIRef, URIRef, int]]:
    """``(term, declaring type, line)`` for every declaration in one file."""
    found: list[tuple[URIRef, URIRef, int]] = []
    for (s, p, o), lines in f.lines.triples.items():
        declares = p == RDF.type and o in DECLARING_TYPES and o != OWL.Ontology
        if declares and isinstance(s, URIRef) and s.startswith(str(CKG)):
            found.extend((s, URIRef(str(o)), line) for line in lines)
    return sorted(found, key=lambda t: t[2])


def _category(kind: URIRef) -> str:
    if kind == OWL.Class:
        return "class"
    if kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        return "property"
    return str(kind)


def _diag(
    f: Located,
    term: URIRef,
    line: int,
    code: str,
    what: str,
    hint: str,
    severity: str = ERROR,
    prop: str | None = None,
    value: str | None = None,
) -> Diagnostic:
    return Diagnostic(
        kind="ontology" if severity == ERROR else "warning",
        code=code,
        severity=severity,
        message=what,
        file=str(f.path),
        line=line,
        focus=str(term),
        focus_label=_en_label(f.graph, term),
        property=prop,
        value=value,
        hint=hint,
    )


def _en_label(graph: Graph, term: URIRef) -> str | None:
    label = label_of(graph, term)
    return None if label == str(term) else label


def ontology_findings(files: Sequence[Located], ontology: Graph) -> list[Diagnostic]:
    """Labels, definitions, duplicate declarations and unresolved domains/ranges.

    Parameters
    ----------
    files : sequence of Located
        The ontology files to check (findings point into them).
    ontology : rdflib.Graph
        The whole ontology (declarations may live in another file).
    """
    found: list[Diagnostic] = []
    seen: dict[tuple[URIRef, str], tuple[str, int]] = {}
    checked: set[URIRef] = set()
    for f in files:
        for term, kind, line in _ckg_terms(f):
            name = term[len(str(CKG)) :]
            key = (term, _category(kind))
            clash = (term, {"class": "property", "property": "class"}.get(key[1], key[1]))
            first = seen.get(key) or seen.get(clash)
            if first:
                where = f"{first[0]}:{first[1]}"
                found.append(
                    _diag(
                        f,
                        term,
                        line,
                        "duplicate-declaration",
                        f"ckg:{name} is declared twice (first at {where})",
                        "Merge the two declarations into one.",
                    )
                )
                continue
            seen[key] = (str(f.path), line)
            if term in checked:
                continue
            checked.add(term)
            if (term, RDFS.label, None) not in ontology:
                found.append(
                    _diag(
                        f,
                        term,
                        line,
                        "missing-label",
                        f"ckg:{name} has no rdfs:label",
                        'Add rdfs:label "…"@en and "…"@id.',
                    )
                )
            if (term, SKOS.definition, None) not in ontology:
                found.append(
                    _diag(
                        f,
                        term,
                        line,
                        "missing-definition",
                        f"ckg:{name} has no skos:definition",
                        'Add skos:definition "…"@en saying what it means.',
                    )
                )
        found.extend(_domain_range(f, ontology))
    return found


def _domain_range(f: Located, ontology: Graph) -> list[Diagnostic]:
    classes = set(ontology.subjects(RDF.type, OWL.Class)) | set(
        ontology.subjects(RDF.type, RDFS.Datatype)
    )
    found = []
    for (s, p, o), lines in f.lines.triples.items():
        if p not in (RDFS.domain, RDFS.range) or not isinstance(o, URIRef):
            continue
        if not isinstance(s, URIRef):
            continue
        if o in classes or str(o).startswith(BUILTIN_NAMESPACES):
            continue
        which = "domain" if p == RDFS.domain else "range"
        found.append(
            _diag(
                f,
                s,
                lines[0],
                f"unresolved-{which}",
                f"the {which} {f.graph.namespace_manager.normalizeUri(o)} "
                "is not a class the ontology declares",
                "Declare the class or fix the spelling.",
                prop=f"rdfs:{which}",
                value=str(o),
            )
        )
    return found


def used_terms(data: Graph, ontology: Graph) -> set[URIRef]:
    """IRIs the data uses, with their superclasses, superproperties and inverses.

    A class used through a subclass (``ckg:Actor`` through ``ckg:State``) or a
    property through a subproperty or its inverse counts as used; so does a
    defined class (``owl:equivalentClass``), whose members are inferred, the
    class of an ontology individual the data uses (``ckg:UpTo``), an annotation
    property the ontology puts on its own terms (``ckg:curatorsOnly``: no data is
    meant to use it), and a role whose property the data uses (``ckg:PartyRole``
    through ``ckg:party``, its ``ckg:roleProperty``).
    """
    return expand_used({t for triple in data for t in triple if isinstance(t, URIRef)}, ontology)


def expand_used(used: set[URIRef], ontology: Graph) -> set[URIRef]:
    """``used`` (IRIs the data uses) with what they imply is used; see :func:`used_terms`.

    Examples
    --------
    >>> expand_used({URIRef("http://ex.org/a")}, Graph()) == {URIRef("http://ex.org/a")}
    True
    """
    used = set(used)
    classes = {o for t in used for o in ontology.objects(t, RDF.type)}  # an individual's class
    used.update(o for o in classes if isinstance(o, URIRef))
    for term in list(used):
        for link in (RDFS.subClassOf, RDFS.subPropertyOf):
            used.update(o for o in ontology.transitive_objects(term, link) if isinstance(o, URIRef))
    for a, b in ontology.subject_objects(OWL.inverseOf):
        if a in used or b in used:
            used.update(x for x in (a, b) if isinstance(x, URIRef))
    used.update(s for s in ontology.subjects(OWL.equivalentClass, None) if isinstance(s, URIRef))
    for prop in ontology.subjects(RDF.type, OWL.AnnotationProperty):  # the ontology's own
        if isinstance(prop, URIRef) and next(iter(ontology.subject_objects(prop)), None):
            used.add(prop)
    for role, prop in ontology.subject_objects(CKG.roleProperty):  # a role, through its property
        if isinstance(role, URIRef) and prop in used:
            used.add(role)
    return used


def unused_term_warnings(
    files: Sequence[Located],
    data: Graph | None,
    ontology: Graph | None = None,
    *,
    used: set[URIRef] | None = None,
) -> list[Diagnostic]:
    """Warn about ``ckg:`` classes, properties and individuals no data triple uses.

    ``used``: the ontology IRIs the data uses, when ``data`` is not an rdflib
    graph (the store path computes them on Oxigraph).
    """
    onto = ontology if ontology is not None else Graph()
    if used is not None:
        used = expand_used(used, onto)
    else:
        used = used_terms(data if data is not None else Graph(), onto)
    found = []
    for f in files:
        for term, kind, line in _ckg_terms(f):
            if kind in (SKOS.ConceptScheme,) or term in used:
                continue
            used.add(term)  # once per term, at its first declaration
            found.append(
                _diag(
                    f,
                    term,
                    line,
                    "unused-term",
                    f"ckg:{term[len(str(CKG)) :]} is not used by any data",
                    "Use it in data/ or consider whether the ontology needs it.",
                    severity=WARNING,
                )
            )
    return sorted(set(found), key=Diagnostic.sort_key)


__all__ = ["expand_used", "ontology_findings", "unused_term_warnings", "used_terms"]
