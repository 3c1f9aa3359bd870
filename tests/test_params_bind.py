"""Parameters bound in OPTIONAL groups as terms, not as VALUES blocks there (issue #19).

A ``VALUES`` block inside an ``OPTIONAL`` made Oxigraph evaluate the group over
the whole graph: the ``entity-relations`` lookup took a second at a million
triples. The term written in place of the variable means the same; these tests
pin the text and check the answers against the block form on one store.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.sparql.params import _values, bind

EN = '"en"'


def test_a_variable_in_an_optional_becomes_the_term() -> None:
    text = "SELECT ?l { ?s ?p ?o OPTIONAL { ?s <l> ?l FILTER (LANG(?l) = ?lang) } }"
    bound = bind(text, {"lang": EN})
    assert bound == (
        'SELECT ?l { VALUES (?lang) { ("en") } ?s ?p ?o '
        'OPTIONAL { ?s <l> ?l FILTER (LANG(?l) = "en") } }'
    )


def test_strings_comments_iris_and_other_names_are_left_alone() -> None:
    text = 'SELECT ?x { OPTIONAL { ?x <urn:?lang> "?lang" # ?lang\n FILTER (?language = $lang) } }'
    bound = bind(text, {"lang": EN})
    assert bound.endswith(' FILTER (?language = "en") } }')
    assert '<urn:?lang> "?lang" # ?lang' in bound


@pytest.mark.parametrize(
    "group",
    ["OPTIONAL { BIND (?y AS ?lang) }", "OPTIONAL { ?s ?p ?o { SELECT ?lang { ?a ?b ?lang } } }"],
    ids=["as-target", "sub-query"],
)
def test_where_the_variable_is_assigned_the_group_keeps_its_own_block(group: str) -> None:
    bound = bind(f"SELECT ?s {{ ?s ?p ?y {group} }}", {"lang": EN})
    assert bound.count(_values({"lang": EN})) == 2
    assert "?lang" in bound.split("OPTIONAL", 1)[1]


def test_nested_optionals_replace_each_token_once() -> None:
    text = "ASK { OPTIONAL { ?a ?b ?v OPTIONAL { ?v ?c ?lang } } }"
    assert bind(text, {"lang": EN}) == (
        'ASK { VALUES (?lang) { ("en") } OPTIONAL { ?a ?b ?v OPTIONAL { ?v ?c "en" } } }'
    )


def _inner_blocks(text: str, terms: dict[str, str]) -> str:
    """The former binding: a block opening the WHERE group and each OPTIONAL using the variable."""
    out = text.replace("OPTIONAL {", "OPTIONAL {" + _values(terms))
    return out.replace("WHERE {", "WHERE {" + _values(terms), 1)


def test_the_answers_are_those_of_blocks_inside_the_optionals() -> None:
    store = ox.Store()
    store.load(
        input=b'<urn:a> <urn:p> <urn:b> . <urn:b> <urn:l> "B"@en , "B"@id . '
        b'<urn:c> <urn:p> <urn:a> . <urn:a> <urn:l> "A"@id .',
        format=ox.RdfFormat.TURTLE,
    )
    text = (
        "SELECT ?s ?o ?l WHERE { ?s <urn:p> ?o "
        "OPTIONAL { ?o <urn:l> ?l FILTER (LANG(?l) = ?lang) } } ORDER BY ?s"
    )
    for lang in ('"en"', '"id"', '"fr"'):
        terms = {"lang": lang}
        new = [tuple(r) for r in store.query(bind(text, terms))]  # type: ignore[union-attr]
        old = [tuple(r) for r in store.query(_inner_blocks(text, terms))]  # type: ignore[union-attr]
        assert new == old and len(new) == 2
