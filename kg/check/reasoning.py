"""Consistency of ontology + data: OWL 2 RL with owlrl, OWL 2 DL with HermiT.

OWL RL (pure Python, always run) reports each inconsistency owlrl finds
(e.g. an individual of two disjoint classes). The OWL 2 DL check needs Java
and the optional ``owlready2`` package (which bundles HermiT); when either is
missing it is skipped and :func:`owl_dl_check` says why.
:func:`reasoning_findings` runs both for the validator.

Examples
--------
>>> from rdflib import Graph, Literal
>>> owl_rl_errors(Graph(), Graph())
[]
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg import ID
from kg.check.diagnostic import ERROR, Diagnostic
from kg.read.linemap import Located, find_line
from kg.read.wellformed import bad_literal

_ID_RE = re.compile(re.escape(str(ID)) + r"[^\s'\"<>,)]+")


def owl_rl_errors(ontology: Graph, data: Graph) -> list[str]:
    """Run the OWL 2 RL rules over ontology + data; return owlrl's inconsistency messages.

    Messages about literals are dropped: ill-typed literals are reported by
    the literal check, with their line.
    """
    from owlrl import OWLRL_Semantics

    graph = Graph()
    graph += ontology
    graph += data
    engine = OWLRL_Semantics(graph, axioms=False, daxioms=False, rdfs=False)
    engine.closure()
    return sorted(
        str(m) for m in engine.error_messages if "iteral" not in str(m) and "exical" not in str(m)
    )


def mentioned_instances(message: str) -> list[str]:
    """The ``id:`` IRIs a reasoner message mentions, in order.

    Examples
    --------
    >>> mentioned_instances("x https://w3id.org/conflict-kg/id/a and <https://w3id.org/conflict-kg/id/b>")
    ['https://w3id.org/conflict-kg/id/a', 'https://w3id.org/conflict-kg/id/b']
    """
    return _ID_RE.findall(message)


def java_available() -> bool:
    """True when a ``java`` executable is on the PATH."""
    return shutil.which("java") is not None


def owl_dl_check(ontology: Graph, data: Graph) -> tuple[bool | None, str]:
    """Check OWL 2 DL consistency of ontology + data with HermiT.

    Returns
    -------
    (bool or None, str)
        ``(True, "")`` consistent, ``(False, message)`` inconsistent,
        ``(None, notice)`` when the check could not run (no Java, no
        owlready2, or HermiT failed) — a notice, not a finding.

    Notes
    -----
    Datatypes outside the OWL 2 datatype map (``xsd:gYear``) are ignored by
    HermiT (``--ignoreUnsupportedDatatypes``); the literal check covers them.
    """
    if not java_available():
        return None, "OWL 2 DL check skipped: no java on PATH (install Java 11+ to enable it)"
    try:
        import owlready2
    except ImportError:
        return None, "OWL 2 DL check skipped: pip install owlready2 to enable it"
    graph = Graph()
    graph += ontology
    for triple in data:  # ill-typed literals are the literal check's business
        if not (isinstance(triple[2], Literal) and bad_literal(triple[2])):
            graph.add(triple)
    with tempfile.TemporaryDirectory(prefix="conflict-kg-dl-") as tmp:
        path = Path(tmp) / "merged.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            onto = world.get_ontology(path.as_uri()).load(format="ntriples")
            with onto:
                owlready2.sync_reasoner_hermit(
                    world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
                )
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, "the ontology and data are inconsistent under OWL 2 DL (HermiT)"
        except Exception as exc:  # noqa: BLE001 - Java or HermiT failure: report, do not crash
            first = str(exc).strip().splitlines()
            why = next((x for x in first if "Exception" in x), first[-1] if first else "")
            return None, f"OWL 2 DL check could not run: {why[:300]}"
        finally:
            world.close()
    return True, ""


def reasoning_findings(
    ontology: Graph, data: Graph, files: Sequence[Located], *, dl: bool = True
) -> tuple[list[Diagnostic], list[str]]:
    """OWL 2 RL inconsistencies (placed at their first instance), then HermiT's OWL 2 DL check.

    Returns the findings and the notices (a check skipped, and why). The DL
    check runs only with ``dl`` and when OWL 2 RL found nothing.
    """
    found: list[Diagnostic] = []
    notices: list[str] = []
    for message in owl_rl_errors(ontology, data):
        focus = next(iter(mentioned_instances(message)), None)
        where = find_line(files, URIRef(focus)) if focus else None
        found.append(
            Diagnostic(
                kind="ontology",
                code="owl-rl-inconsistent",
                severity=ERROR,
                message=f"OWL 2 RL inconsistency: {message}",
                file=str(where[0]) if where else None,
                line=where[1] if where else None,
                focus=focus,
                source="owlrl",
                hint="Remove the assertion that contradicts the ontology's axioms.",
            )
        )
    if not dl:
        return found, notices
    if found:
        notices.append("OWL 2 DL check skipped: OWL 2 RL already found an inconsistency")
        return found, notices
    verdict, message = owl_dl_check(ontology, data)
    if verdict is None:
        notices.append(message)
    elif verdict is False:
        found.append(
            Diagnostic(
                kind="ontology",
                code="owl-dl-inconsistent",
                severity=ERROR,
                message=message,
                source="HermiT",
                hint="HermiT gives no location; validate the files one by one to find it.",
            )
        )
    return found, notices


__all__ = [
    "java_available",
    "mentioned_instances",
    "owl_dl_check",
    "owl_rl_errors",
    "reasoning_findings",
]
