"""The network pages of the site: each view's page and its GEXF, dynamic GEXF and GraphML.

:func:`network_pages` yields the files one view at a time (a view of a large
graph has exports of tens of megabytes: none is kept once written) and records,
for the entity pages, which views each node is in.

Examples
--------
>>> import networkx as nx
>>> day_range(nx.Graph())["max"] - day_range(nx.Graph())["min"]
365
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from typing import Any

import jinja2
import networkx as nx

from kg.outputs.gexf import EmptyViewWarning, to_gexf, to_graphml
from kg.outputs.site.model import SiteData
from kg.outputs.site.names import page_names
from kg.outputs.site.netpages import layout_view
from kg.outputs.site.terms import show_iri
from kg.views.network import VIEWS, build_view
from kg.views.storegraph import GraphLike


def day_range(view: nx.Graph) -> dict[str, int]:
    """The time slider's bounds (days since 1970-01-01): from January of the first dated year."""
    bounds = []
    for _, _, d in view.edges(data=True):
        for spell in str(d.get("spells") or "").split(" | "):
            bounds += [b for b in spell.split("/") if b and b != ".."]
    epoch = date(1970, 1, 1)
    days = sorted((date.fromisoformat(b) - epoch).days for b in bounds)
    if not days:
        today = (date.today() - epoch).days
        return {"min": today - 365, "max": today}
    low = (date(date.fromordinal(days[0] + epoch.toordinal()).year, 1, 1) - epoch).days
    return {"min": low, "max": max(days[-1], low + 365)}


def _exports(view: nx.Graph, name: str, prefix: str) -> Iterator[tuple[str, bytes]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptyViewWarning)
        yield f"{prefix}network/{name}.gexf", to_gexf(view)
        yield f"{prefix}network/{name}.dynamic.gexf", to_gexf(view, dynamic=True)
        yield f"{prefix}network/{name}.graphml", to_graphml(view)


def network_page(
    env: jinja2.Environment, data: SiteData, view: nx.Graph, net: dict[str, Any], name: str
) -> bytes:
    """The page of the view ``name``; ``net`` is its :func:`.netpages.layout_view`."""
    iris = sorted(str(n) for n in view.nodes)
    others = page_names(i for i in iris if i not in data.entities)
    node_names = {i: data.entities[i].name if i in data.entities else others[i] for i in iris}
    hrefs = {i: show_iri(data, i, root="../")["href"] or "#" for i in iris}
    env.filters["srclabel"] = lambda iri: data.label(str(iri))
    return (
        env.get_template("network.html")
        .render(
            root="../",
            title=f"Network: {name}",
            view=name,
            description=VIEWS[name].description,
            net=net,
            range=day_range(view),
            labels={str(n): str(d.get("label", n)) for n, d in view.nodes(data=True)},
            node_names=node_names,
            node_hrefs=hrefs,
            rel_index={r: k + 1 for k, (r, _) in enumerate(net["relations"])},
        )
        .encode()
    )


def network_pages(
    env: jinja2.Environment,
    data: SiteData,
    graph: GraphLike,
    member: dict[str, list[tuple[str, bool]]],
    *,
    prefix: str = "",
) -> Iterator[tuple[str, bytes]]:
    """Each view's exports and page, one view at a time; ``member[iri]`` gets its views
    as ``(view, whether iri is drawn on its page)``."""
    for name in VIEWS:
        view = build_view(graph, name)
        yield from _exports(view, name, prefix)
        net = layout_view(view)
        drawn = {n["iri"] for n in net["nodes"]}
        for node in view.nodes:
            member.setdefault(str(node), []).append((name, str(node) in drawn))
        yield f"{prefix}network/{name}.html", network_page(env, data, view, net, name)


__all__ = ["day_range", "network_page", "network_pages"]
