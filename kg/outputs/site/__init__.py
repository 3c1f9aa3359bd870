"""The explorer: a static website of the graph, written by ``conflict-kg build`` and ``site``.

:func:`write_site` renders every page with Jinja2 (autoescaping on: every
label, IRI and literal is escaped) into a directory, one page at a time;
:func:`site_step` gives it to ``build`` as a :class:`kg.outputs.build.Tree`, written
under a temporary name and swapped in with the rest of the build's outputs
(a failed build leaves the old site).
The site needs no network at view time and works from ``file://``: the search
index is a script file (``static/search-index.js``), the network pages carry
their own SVG and ``static/network.js`` (this project's own script, no
third-party JavaScript).

Pages: ``index.html``, ``search.html``, ``ontology.html``, ``queries.html``,
``e/<name>.html`` for every entity (conflicts get a timeline, actors by role and
agreements), ``network/<view>.html`` with the view's GEXF, dynamic GEXF and
GraphML beside it.

Examples
--------
>>> from kg.outputs.build import build, entailment_step
>>> from kg.read.resources import find_layout
>>> build(find_layout(), out_dir="build", steps=[entailment_step, site_step])  # doctest: +SKIP
"""

from __future__ import annotations

from kg.outputs.site.render import QueryDoc, site_files, site_step, site_tree, write_site

__all__ = ["QueryDoc", "site_files", "site_step", "site_tree", "write_site"]
