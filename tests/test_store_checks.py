"""Literal and vocabulary checks on the store agree with kg.read.wellformed, at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.check.store_checks import (
    UsedTerms,
    bad_store_literals,
    check_store,
    undeclared_store_terms,
)
from kg.errors import LoadError
from kg.read.load import _raw_literals
from kg.read.store import load_store
from kg.read.wellformed import bad_literals, undeclared_terms

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology" / "conflict.ttl"
DATA = sorted((REPO / "data").glob("*.ttl"))

MIXED = """@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:a> ckg:year "1994"^^xsd:gYear , "94"^^xsd:gYear ;
    ckg:date "2020-10-09"^^xsd:date , "2020-02-30"^^xsd:date ;
    ckg:estimateValue 12 , "twelve"^^xsd:integer ;
    ckg:mediatedby <urn:b> .
<urn:b> a ckg:Staat ; ckg:statedAs "maybe"^^xsd:boolean .
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def test_repository_passes(ontology: Graph) -> None:
    check_store(load_store([ONTOLOGY, *DATA]), [ONTOLOGY, *DATA], ontology=ontology)


def test_same_problems_as_the_rdflib_checks(tmp_path: Path, ontology: Graph) -> None:
    path = tmp_path / "mixed.ttl"
    path.write_text(MIXED, encoding="utf-8")
    store = load_store([path])
    with _raw_literals():  # literals kept as written, as kg.read.load parses them
        graph = Graph().parse(path)
    assert {str(x) for x in bad_store_literals(store)} == {str(x) for x in bad_literals(graph)}
    assert {str(x) for x in bad_store_literals(store)} == {"94", "2020-02-30", "twelve", "maybe"}
    assert undeclared_store_terms(store, ontology) == undeclared_terms(graph, ontology)


def test_the_shared_scan_judges_the_same_literals(tmp_path: Path) -> None:
    # the vocabulary scan also lists the literals to judge (one scan instead of two)
    path = tmp_path / "mixed.ttl"
    extra = '<urn:c> ckg:count "0"^^xsd:integer ; ckg:note "a\\u000Bb" , "x"@en , "y"^^<urn:t> .\n'
    path.write_text(MIXED + extra, encoding="utf-8")
    store = load_store([path])
    used = UsedTerms.of(store)
    assert bad_store_literals(store, used=used) == bad_store_literals(store)
    assert {str(x) for x in bad_store_literals(store, used=used)} == {
        "94",
        "2020-02-30",
        "twelve",
        "maybe",
        "a\x0bb",
    }
    assert {x.value for x in used.literals} >= {"0", "1994", "a\x0bb"}
    assert not {"x", "y"} & {x.value for x in used.literals}


def test_errors_name_the_file_and_line(tmp_path: Path, ontology: Graph) -> None:
    good = tmp_path / "good.ttl"
    good.write_text(MIXED.split("<urn:a>")[0] + "<urn:z> ckg:year 1994 .\n", encoding="utf-8")
    bad = tmp_path / "bad.ttl"
    bad.write_text(MIXED, encoding="utf-8")
    files = [ONTOLOGY, good, bad]
    with pytest.raises(LoadError) as err:
        check_store(load_store(files), files, ontology=ontology)
    found = [(e.path, e.line) for e in err.value.all]
    assert found[0] == (str(bad), 3)
    assert (str(bad), 6) in found and (str(bad), 7) in found  # ckg:mediatedby, ckg:Staat
    assert all(path == str(bad) for path, _ in found)
    assert len(found) == 6  # four literals, ckg:mediatedby and ckg:Staat
