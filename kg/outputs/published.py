"""The graph that ``serve`` and ``publish`` load: the built graph, as sorted N-Triples.

It is checked by the checker of ``validate`` and ``build`` (:func:`load_checked`),
then its blank nodes become stable IRIs (:func:`kg.check.dataset.skolemize_store`),
so that publishing twice adds nothing and remote answers equal in-process ones.
:func:`published_parts` also gives the entailed ``ckg:`` triples
(:mod:`kg.outputs.entailment`), which ``publish`` loads into a named graph of their
own, so that an institution's store with no reasoner answers ``?x a ckg:Mediator``.
N-Triples lines are split on ``\\n`` only: a literal may hold U+2028 or U+2029.

Examples
--------
>>> from kg.read.resources import find_layout
>>> published_ntriples(find_layout())[:1]  # doctest: +SKIP
b'<'
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.check.dataset import skolemize_store
from kg.outputs.build_input import BuildInput, Tick, load_checked
from kg.outputs.entailment import entailed_ntriples, entailed_triples
from kg.outputs.graphfiles import sorted_ntriples
from kg.read.resources import Layout


def _checked_skolemised(layout: Layout, progress: Tick | None) -> BuildInput:
    project = load_checked(layout, progress=progress)
    skolemize_store(project.store)
    return project


def published_ntriples(layout: Layout, *, progress: Tick | None = None) -> bytes:
    """Check ``layout`` and return its graph (ontology + data), skolemised, as N-Triples.

    The answers on it equal the in-process ones (``query``, ``why``) row for row.

    Raises
    ------
    DataError
        The checks found errors; nothing is to be published.
    """
    return sorted_ntriples(_checked_skolemised(layout, progress).store)


def published_parts(layout: Layout, *, progress: Tick | None = None) -> tuple[bytes, bytes]:
    """The checked graph and its entailed ``ckg:`` triples, each as sorted N-Triples.

    ``publish`` loads the first into the target graph and the second into a named
    graph of its own, so that the library's queries on the target give the
    in-process rows and ``?x a ckg:Mediator`` answers on both graphs together.

    Raises
    ------
    DataError
        The checks found errors; nothing is to be published.
    """
    project = _checked_skolemised(layout, progress)
    found = entailed_triples(project.store, project.ontology)
    return sorted_ntriples(project.store), entailed_ntriples(found)


def kept_parts(store: ox.Store, layout: Layout) -> tuple[bytes, bytes]:
    """As :func:`published_parts`, from the checked store ``build`` kept (already skolemised).

    ``store`` may be read-only: the rules run on a copy of its default graph in
    memory, with the ontology of ``layout``.
    """
    from kg.read.load import parse_turtle

    work = ox.Store()
    work.bulk_extend(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    found = entailed_triples(work, parse_turtle(layout.ontology))
    return sorted_ntriples(store), entailed_ntriples(found)


def ntriples_lines(ntriples: bytes) -> list[str]:
    """The lines of an N-Triples text, split on ``\\n`` alone.

    Examples
    --------
    >>> ntriples_lines('<urn:a> <urn:p> "x\\u2028y" .\\n'.encode())
    ['<urn:a> <urn:p> "x\\u2028y" .']
    """
    return [line for line in ntriples.decode("utf-8").split("\n") if line.strip()]


__all__ = ["kept_parts", "ntriples_lines", "published_ntriples", "published_parts"]
