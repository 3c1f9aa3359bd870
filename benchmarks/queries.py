"""The benchmark's SPARQL queries, written against the project's model.

``LOOKUPS`` are about one entity, bound to ``?entity`` as an RDF term
(pyoxigraph ``substitutions``, rdflib ``initBindings``; pyoxigraph wants the
variable projected); ``ANALYTICS`` scan the
graph (timelines, counts, joins across events).
"""

from __future__ import annotations

PREFIXES = """\
PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
"""

LOOKUPS = {
    # Everything said about one entity, both directions, with the other end's English label.
    "entity-relations": """
SELECT ?entity ?direction ?p ?other ?label WHERE {
  { ?entity ?p ?other . BIND("out" AS ?direction) }
  UNION { ?other ?p ?entity . BIND("in" AS ?direction) }
  OPTIONAL { ?other rdfs:label ?label FILTER (LANG(?label) = "en") }
}""",
    # The quotations attesting one entity, their documents and the chain of reporting.
    "entity-sources": """
SELECT ?entity ?quote ?text ?doc ?publisher ?date ?cited WHERE {
  ?entity ckg:attestedBy ?quote .
  ?quote ckg:quote ?text ; prov:wasQuotedFrom ?doc .
  OPTIONAL { ?doc dct:publisher ?publisher }
  OPTIONAL { ?doc dct:date ?date }
  OPTIONAL { ?doc ckg:citesSource+ ?cited }
}""",
    # The events an actor takes part in, in any role, with their dates.
    "actor-events": """
SELECT ?entity ?event ?role ?label ?date WHERE {
  VALUES ?role { ckg:party ckg:belligerent ckg:mediatedBy ckg:participant ckg:calledForBy
                 ckg:ignoredBy ckg:violatedBy ckg:speaker ckg:invitee }
  ?event ?role ?entity ; rdfs:label ?label .
  FILTER (LANG(?label) = "en")
  OPTIONAL { ?event ckg:date|ckg:plannedDate|ckg:startDate ?date }
}""",
}

ANALYTICS = {
    # Timeline of talks: date, status, number of parties, mediators.
    "talks-timeline": """
SELECT ?talks ?date ?status (COUNT(DISTINCT ?party) AS ?parties)
       (GROUP_CONCAT(DISTINCT STR(?mediator); separator=" ") AS ?mediators) WHERE {
  ?talks a ckg:Talks ; ckg:status ?status ; ckg:party ?party ; ckg:mediatedBy ?mediator .
  ?talks ckg:date|ckg:plannedDate ?date .
} GROUP BY ?talks ?date ?status ORDER BY ?date ?talks""",
    # Ceasefires by status.
    "ceasefire-status-counts": """
SELECT ?status (COUNT(?cf) AS ?n) WHERE {
  ?cf a ckg:Ceasefire ; ckg:status ?status .
} GROUP BY ?status ORDER BY DESC(?n)""",
    # The most active mediators of talks, with their English names.
    "top-mediators": """
SELECT ?mediator ?name (COUNT(DISTINCT ?talks) AS ?n) WHERE {
  ?talks a ckg:Talks ; ckg:mediatedBy ?mediator .
  ?mediator rdfs:label ?name FILTER (LANG(?name) = "en")
} GROUP BY ?mediator ?name ORDER BY DESC(?n) ?mediator LIMIT 20""",
    # Three-way join: co-chairs of a mediation group who mediate talks in the group's conflict.
    "cochairs-mediating": """
SELECT ?state ?group ?conflict (COUNT(DISTINCT ?talks) AS ?n) WHERE {
  ?cc org:member ?state ; org:organization ?group ; org:role ckg:CoChair .
  ?group ckg:seeksSolutionTo ?conflict .
  ?talks ckg:inConflict ?conflict ; ckg:mediatedBy ?state .
} GROUP BY ?state ?group ?conflict ORDER BY DESC(?n) ?state LIMIT 100""",
    # Ignored ceasefires: who called for them, whose forces ignored them.
    "ignored-ceasefires": """
SELECT ?cf ?caller ?forces ?state WHERE {
  ?cf ckg:status ckg:Ignored ; ckg:ignoredBy ?forces ; ckg:calledForBy ?caller .
  ?forces ckg:forcesOf ?state .
} ORDER BY ?cf""",
    # Quotations per publisher.
    "quotes-per-publisher": """
SELECT ?publisher (COUNT(?q) AS ?n) WHERE {
  ?q a ckg:Quotation ; prov:wasQuotedFrom ?doc .
  ?doc dct:publisher ?publisher .
} GROUP BY ?publisher ORDER BY DESC(?n)""",
}


def lookup_entities(theatres: int) -> list[str]:
    """IRIs of entities the lookups are run on (spread over the graph)."""
    picks = sorted({0, theatres // 3, (2 * theatres) // 3, max(theatres - 1, 0)})
    base = "https://w3id.org/conflict-kg/id/"
    return [f"{base}{kind}-c{k}" for k in picks for kind in ("state-m", "talks0")]


__all__ = ["ANALYTICS", "LOOKUPS", "PREFIXES", "lookup_entities"]
