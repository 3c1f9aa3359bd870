"""The query library on the site: each query run on the built graph, for :mod:`kg.outputs.site`.

A query is run with its defaults, and with the ``--param`` values of its
header's example where it needs more; its results go on ``queries.html``.

Examples
--------
>>> example_values("conflict-kg query x --param conflict=id:c --param y=2010")
{'conflict': 'id:c', 'y': '2010'}
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping

from kg.errors import ConflictKGError
from kg.outputs.build import Content
from kg.outputs.build_input import BuildInput
from kg.outputs.site import QueryDoc, site_tree
from kg.sparql.library import LibraryQuery, list_queries
from kg.sparql.run import prepare, run_local


def example_values(example: str) -> dict[str, str]:
    """The ``--param name=value`` pairs of an example command line."""
    try:
        words = shlex.split(example)
    except ValueError:
        return {}
    pairs = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--param"]
    return dict(p.split("=", 1) for p in pairs if "=" in p)


def query_doc(query: LibraryQuery, project: BuildInput) -> QueryDoc:
    """Run ``query`` on the project's store (defaults, else its example's values)."""
    values = {k: v for k, v in example_values(query.example).items() if query.param(k) is not None}
    required = [p.name for p in query.params if p.required]
    if not all(name in values for name in required):
        values = {}
    params = tuple(
        {"name": p.name, "type": p.type, "default": p.default, "required": p.required, "doc": p.doc}
        for p in query.params
    )
    common = {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "text": query.text,
        "example": query.example,
        "params": params,
        "bound": ", ".join(f"{k}={v}" for k, v in sorted(values.items())),
    }
    try:
        results = run_local(prepare(query, values), store=project.store, timeout=60)
    except ConflictKGError as exc:
        return QueryDoc(**common, error=str(exc))  # type: ignore[arg-type]
    return QueryDoc(**common, results=results)  # type: ignore[arg-type]


def site_build_step(name: str = "site") -> Callable[[BuildInput], Mapping[str, Content]]:
    """A build step writing the whole site (query library included) as the directory ``name``."""

    def site_with_queries(project: BuildInput) -> Mapping[str, Content]:
        queries = [query_doc(q, project) for q in list_queries(project.layout.queries_dir)]
        return {name: site_tree(project, queries=queries)}

    site_with_queries.__name__ = "site_step"
    return site_with_queries


__all__ = ["example_values", "query_doc", "site_build_step"]
