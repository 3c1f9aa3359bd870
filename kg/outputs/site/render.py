"""Render the site's pages with Jinja2 into ``{path: bytes}`` (see :mod:`kg.outputs.site`).

Examples
--------
>>> sorted(static_files("site/"))[:2]
['site/static/network.js', 'site/static/search.js']
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from rdflib import Graph

from kg.outputs.build import Content, Tree
from kg.outputs.build_input import BuildInput
from kg.outputs.site.model import LABELS, SiteData, read_site_data
from kg.outputs.site.netrender import network_pages
from kg.outputs.site.ontodoc import ontology_terms
from kg.outputs.site.pages import (
    conflict_sections,
    conflicts,
    label_items,
    statements,
    time_span,
)
from kg.outputs.site.provenance import Evidence
from kg.outputs.site.terms import short, show_iri, term_html, text_html
from kg.views.network import VIEWS

SITE_DIR = "site/"
Page = tuple[str, bytes]
MARKER = ".conflict-kg-site"
"""A file at the site's root: ``conflict-kg site`` replaces only a directory holding it."""
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
_STATIC = ("site.css", "search.js", "network.js")


@dataclass(frozen=True)
class QueryDoc:
    """A library query and its results on the built graph (SPARQL 1.1 JSON results)."""

    name: str
    title: str
    description: str
    text: str
    example: str = ""
    params: tuple[Mapping[str, Any], ...] = ()
    bound: str = ""
    results: Mapping[str, Any] = field(default_factory=dict)
    error: str = ""


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg.outputs.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are package data: no stat of each one on every page
    )
    env.globals.update(term=term_html, text=text_html)
    macro = env.get_template("macros.html").module.quotation  # type: ignore[attr-defined]
    rendered: dict[int, tuple[Mapping[str, Any], Markup]] = {}

    def quotation(q: Mapping[str, Any]) -> Markup:
        # A quotation attests many statements: its HTML is rendered once. ``q`` is
        # memoised by Evidence.quotation, so its id is stable while it is held here.
        found = rendered.get(id(q))
        if found is None:
            found = rendered[id(q)] = (q, macro(q))
        return found[1]

    env.globals["quotation"] = quotation
    return env


def static_files(prefix: str) -> dict[str, bytes]:
    """The stylesheet and the project's own scripts."""
    folder = resources.files("kg.outputs.site") / "static"
    return {f"{prefix}static/{name}": (folder / name).read_bytes() for name in _STATIC}


def _search_index(data: SiteData) -> bytes:
    rows = []
    for iri, entity in data.entities.items():
        kind = short(entity.classes[0]) if entity.classes else ""
        texts = {(t, lng, p != LABELS[0]) for t, lng, p in entity.labels} or {
            (data.label(iri), data.label_language(iri), False)
        }
        # English, then the main label first: the search shows an entity's first match
        ordered = sorted(texts, key=lambda tl: (tl[1] != "en", tl[2], tl[1] or "", tl[0]))
        seen: set[tuple[str, str | None]] = set()
        for t, lng, _ in ordered:
            if (t, lng) not in seen:
                seen.add((t, lng))
                rows.append([t, lng or "", f"e/{entity.name}.html", kind])
    text = json.dumps(rows, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")
    return f"window.CKG_INDEX={text};\n".encode()


def _entity_page(
    template: jinja2.Template,
    data: SiteData,
    ev: Evidence,
    project: BuildInput,
    iri: str,
    networks: list[tuple[str, bool]],
    conflict_iris: set[str],
) -> bytes:
    entity = data.entities[iri]
    root = "../"
    is_quote = any(c.endswith("#Quotation") for c in entity.classes)
    return template.render(
        root=root,
        title=data.label(iri),
        title_lang=data.label_language(iri),
        iri=iri,
        name=entity.name,
        labels=label_items(entity),
        classes=[show_iri(data, c, root=root) for c in entity.classes],
        entailed=[show_iri(data, c, root=root) for c in entity.entailed],
        span=time_span(project.graph, iri),
        st=statements(data, ev, entity, root=root),
        own_quote=ev.quotation(iri, root=root) if is_quote else None,
        conflict=conflict_sections(data, project.graph, iri, root=root)
        if iri in conflict_iris
        else None,
        networks=networks,
    ).encode()


def _cell(data: SiteData, value: Mapping[str, str] | None) -> dict[str, Any]:
    if value is None:
        return {"text": "", "href": None, "lang": None}
    if value.get("type") == "uri":
        return show_iri(data, value["value"], root="")
    return {"text": value.get("value", ""), "href": None, "lang": value.get("xml:lang")}


def _queries_page(env: jinja2.Environment, data: SiteData, queries: Sequence[QueryDoc]) -> bytes:
    docs = []
    for q in queries:
        names = list(q.results.get("head", {}).get("vars", []))
        bindings = q.results.get("results", {}).get("bindings", [])
        rows = [[_cell(data, b.get(v)) for v in names] for b in bindings]
        docs.append({**q.__dict__, "vars": names, "rows": rows})
    return env.get_template("queries.html").render(root="", title="Queries", queries=docs).encode()


def _index_page(
    env: jinja2.Environment, data: SiteData, project: BuildInput, entailed: int
) -> bytes:
    by_class: dict[str, list[str]] = {}
    for iri, entity in data.entities.items():
        for cls in entity.classes:
            by_class.setdefault(cls, []).append(iri)
    rows = [
        (
            show_iri(data, cls, root=""),
            sorted((show_iri(data, m, root="") for m in members), key=lambda s: str(s["text"])),
        )
        for cls, members in sorted(by_class.items(), key=lambda kv: short(kv[0]))
    ]
    return (
        env.get_template("index.html")
        .render(
            root="",
            title="Explorer",
            counts={
                "entities": len(data.entities),
                "triples": project.counts().triples,
                "entailed": entailed,
            },
            conflicts=[show_iri(data, c, root="") for c in conflicts(data)],
            views=[(v, s.description) for v, s in VIEWS.items()],
            by_class=rows,
        )
        .encode()
    )


def site_pages(project: BuildInput, *, queries: Sequence[QueryDoc] = ()) -> Iterator[Page]:
    """Every file of the site as ``(relative path, bytes)``, rendered one at a time.

    Parameters
    ----------
    project : BuildInput
        The checked project; its store's named graph of entailed triples (written
        by :func:`kg.outputs.build.entailment_step`) gives the entailed classes.
    queries : sequence of QueryDoc
        The query library with its results (:mod:`kg.sparql.site`).
    """
    env = _env()
    data = read_site_data(project.store, project.ontology)
    ev = Evidence(data)
    yield MARKER, b"A site written by conflict-kg; build and site replace this directory whole.\n"
    yield from static_files("").items()
    member: dict[str, list[tuple[str, bool]]] = {}
    yield from network_pages(env, data, project.graph, member)
    template = env.get_template("entity.html")
    conflict_iris = set(conflicts(data))
    for iri, entity in data.entities.items():
        page = _entity_page(template, data, ev, project, iri, member.get(iri, []), conflict_iris)
        yield f"e/{entity.name}.html", page
    shapes = Graph()
    if project.layout.shapes.exists():
        shapes.parse(project.layout.shapes)
    yield "index.html", _index_page(env, data, project, data.entailed_count)
    yield "search.html", env.get_template("search.html").render(root="", title="Search").encode()
    yield "static/search-index.js", _search_index(data)
    terms = ontology_terms(project.ontology, shapes)
    onto = env.get_template("ontology.html").render(root="", title="Ontology", terms=terms)
    yield "ontology.html", onto.encode()
    yield "queries.html", _queries_page(env, data, queries)


def write_site(project: BuildInput, directory: Path, *, queries: Sequence[QueryDoc] = ()) -> int:
    """Write every file of the site into ``directory``; return how many.

    Plain ``os`` calls, no fsync and no temporary name per file: the directory is
    new and goes in whole (:class:`~kg.outputs.build.Tree`).
    """
    count = 0
    made: set[str] = set()
    for path, content in site_pages(project, queries=queries):
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(os.path.join(directory, folder), exist_ok=True)
            made.add(folder)
        fd = os.open(os.path.join(directory, path), _FLAGS, 0o666)
        try:
            os.write(fd, content)
        finally:
            os.close(fd)
        count += 1
    return count


def site_files(
    project: BuildInput, *, prefix: str = SITE_DIR, queries: Sequence[QueryDoc] = ()
) -> dict[str, bytes]:
    """Every file of the site in memory, keyed by ``prefix`` + path (small graphs, tests)."""
    return {prefix + path: content for path, content in site_pages(project, queries=queries)}


def site_tree(project: BuildInput, *, queries: Sequence[QueryDoc] = ()) -> Tree:
    """The site as a :class:`~kg.outputs.build.Tree` output: rendered as it is written."""

    def write(directory: Path) -> None:
        write_site(project, directory, queries=queries)

    return Tree(write)


def site_step(project: BuildInput) -> dict[str, Content]:
    """Build step: the site as ``site/``, without the query library's results."""
    return {SITE_DIR.rstrip("/"): site_tree(project)}


__all__ = [
    "MARKER",
    "SITE_DIR",
    "QueryDoc",
    "site_files",
    "site_pages",
    "site_step",
    "site_tree",
    "static_files",
    "write_site",
]
