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
from collections.abc import Sequence

from rdflib import Graph, URIRef

from kg import ID
from kg.check import hermit
from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.hermit import java_available, owl_dl_check
from kg.read.linemap import Located, find_line

_ID_RE = re.compile(re.escape(str(ID)) + r"[^\s'\"<>,)]+")


def owl_rl_errors(ontology: Graph, data: Graph) -> list[str]:
    """Run the OWL 2 RL rules over ontology + data; return owlrl's inconsistency messages.

    Messages about literals are dropped: ill-typed literals are reported by
    the literal check, with their line. When the axioms allow it the messages are
    computed by :func:`kg.check.rlfast.fast_rl_errors` (the same, in milliseconds);
    otherwise owlrl closes the graph.
    """
    from kg.check.rlfast import fast_rl_errors  # owlrl's tables: imported when reasoning runs

    messages = fast_rl_errors(ontology, data)
    if messages is None:
        from owlrl import OWLRL_Semantics

        graph = Graph()
        graph += ontology
        graph += data
        engine = OWLRL_Semantics(graph, axioms=False, daxioms=False, rdfs=False)
        engine.closure()
        messages = [str(m) for m in engine.error_messages]
    return sorted(m for m in messages if "iteral" not in m and "exical" not in m)


def mentioned_instances(message: str) -> list[str]:
    """The ``id:`` IRIs a reasoner message mentions, in order.

    Examples
    --------
    >>> mentioned_instances("x https://w3id.org/conflict-kg/id/a and <https://w3id.org/conflict-kg/id/b>")
    ['https://w3id.org/conflict-kg/id/a', 'https://w3id.org/conflict-kg/id/b']
    """
    return _ID_RE.findall(message)


def reasoning_findings(
    ontology: Graph,
    data: Graph,
    files: Sequence[Located],
    *,
    dl: bool = True,
    run: hermit.HermitRun | None = None,
    messages: Sequence[str] | None = None,
) -> tuple[list[Diagnostic], list[str]]:
    """OWL 2 RL inconsistencies (placed at their first instance), then HermiT's OWL 2 DL check.

    Returns the findings and the notices (a check skipped, and why). The DL
    check runs only with ``dl`` and when OWL 2 RL found nothing: HermiT is started
    first, in the background (or given as ``run``, started earlier by
    :func:`kg.check.hermit.start`), and stopped if OWL 2 RL finds something.
    ``messages``, when given, are OWL 2 RL's (:func:`owl_rl_errors`) already computed:
    ``data`` is then only read to start HermiT when ``dl`` is asked without a ``run``.
    """
    found: list[Diagnostic] = []
    notices: list[str] = []
    if dl and run is None:
        run = hermit.start(ontology, data)
    run = run if dl else None
    for message in owl_rl_errors(ontology, data) if messages is None else messages:
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
    if run is None:
        return found, notices
    if found:
        run.cancel()
        notices.append("OWL 2 DL check skipped: OWL 2 RL already found an inconsistency")
        return found, notices
    verdict, message = run.result()
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
