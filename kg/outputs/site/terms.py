"""How one RDF term is shown on a page: text, language, and a link where there is a page for it.

Only three kinds of link are made: to an entity page, to the ontology page's
anchor for a ``ckg:`` term, and to an ``http(s)`` IRI outside the graph. Any
other IRI (``javascript:``, ``data:`` …) is shown as text, never as a link.
Escaping is left to the templates (Jinja2 autoescaping).

Examples
--------
>>> from collections.abc import Mapping, Sequence

import pyoxigraph as ox
from markupsafe import Markup, escape
>>> show_literal(ox.Literal("Kamis malam", language="id"))
{'text': 'Kamis malam', 'lang': 'id', 'href': None, 'note': ''}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyoxigraph as ox
from markupsafe import Markup, escape

from kg.outputs.site.model import SiteData, Term, is_ckg
from kg.outputs.site.names import local_name

_SHORT = {
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://purl.org/dc/terms/": "dct:",
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:",
    "https://w3id.org/conflict-kg/ontology#": "ckg:",
    "https://w3id.org/conflict-kg/id/": "id:",
    "https://w3id.org/conflict-kg/vocab/cameo/": "cameo:",
    "https://w3id.org/conflict-kg/vocab/plover/": "plover:",
    "http://www.w3.org/2002/07/owl#": "owl:",
    "https://schema.org/": "schema:",
}
Shown = dict[str, str | None]


def short(iri: str) -> str:
    """``prefix:local`` for the well-known namespaces, else the IRI.

    >>> short("http://www.w3.org/2001/XMLSchema#date")
    'xsd:date'
    """
    for ns, prefix in _SHORT.items():
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return iri


def onto_anchor(iri: str) -> str:
    """The anchor of a ``ckg:`` term on the ontology page."""
    return "t-" + local_name(iri)


def show_literal(lit: ox.Literal) -> Shown:
    """Text, language and a datatype note of a literal."""
    dtype = lit.datatype.value
    plain = dtype.endswith("#string") or dtype.endswith("#langString")
    return {
        "text": lit.value,
        "lang": lit.language,
        "href": None,
        "note": "" if plain else short(dtype),
    }


def show_iri(data: SiteData, iri: str, *, root: str) -> Shown:
    """An IRI as a link to its page, its ontology entry, or the web (http/https only)."""
    key = (iri, root)
    found = data.shown.get(key)
    if found is None:
        found = data.shown[key] = _show_iri(data, iri, root=root)
    return found


def _show_iri(data: SiteData, iri: str, *, root: str) -> Shown:
    entity = data.entities.get(iri)
    if entity is not None:
        return {
            "text": data.label(iri),
            "lang": data.label_language(iri),
            "href": f"{root}e/{entity.name}.html",
            "note": "",
        }
    if is_ckg(iri):
        href = f"{root}ontology.html#{onto_anchor(iri)}"
        return {"text": data.label(iri), "lang": None, "href": href, "note": short(iri)}
    web = iri if iri.startswith(("http://", "https://")) else None
    return {"text": short(iri), "lang": None, "href": web, "note": ""}


def term_html(t: Mapping[str, str | None]) -> Markup:
    """A shown term as HTML: a link or a span with its ``lang``, and its note; all escaped.

    >>> str(term_html({"text": "<b>", "lang": "id", "href": None, "note": ""}))
    '<span lang="id">&lt;b&gt;</span>'
    """
    text, lang, href, note = (t.get(k) for k in ("text", "lang", "href", "note"))
    attr = f' lang="{escape(lang)}"' if lang else ""
    if href:
        out = f'<a href="{escape(href)}"{attr}>{escape(text or "")}</a>'
    elif "\n" in (text or ""):  # a text of several lines: its lines kept (.lines)
        out = f'<span class="lines"{attr}>{escape(text)}</span>'
    elif lang:
        out = f"<span{attr}>{escape(text or '')}</span>"
    else:
        out = str(escape(text or ""))
    if note:
        out += f' <small class="note">{escape(note)}</small>'
    return Markup(out)


def link_html(data: SiteData, iri: str, *, root: str) -> Markup:
    """:func:`term_html` of :func:`show_iri`, memoised (a hub is linked from thousands of pages)."""
    key = (iri, root)
    found = data.html.get(key)
    if found is None:
        found = data.html[key] = term_html(show_iri(data, iri, root=root))
    return found


def text_html(pair: Sequence[str | None]) -> Markup:
    """A ``(text, language)`` pair as a span with its ``lang``, escaped."""
    attr = f' lang="{escape(pair[1])}"' if pair[1] else ""
    return Markup(f"<span{attr}>{escape(pair[0] or '')}</span>")


def show(data: SiteData, term: Term, *, root: str) -> Shown:
    """Any term: literal, IRI or blank node."""
    if isinstance(term, ox.Literal):
        return show_literal(term)
    if isinstance(term, ox.NamedNode):
        return show_iri(data, term.value, root=root)
    return {"text": "(blank node)", "lang": None, "href": None, "note": ""}


__all__ = [
    "Shown",
    "onto_anchor",
    "short",
    "show",
    "show_iri",
    "show_literal",
    "link_html",
    "term_html",
    "text_html",
]
