"""HermiT's verdict cache: keyed by the content checked, ignored when corrupt, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.check import hermit, verdictcache

DATA = """@prefix ex: <http://example.org/> .
ex:a ex:p [ ex:q "one" ] .
"""


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONFLICT_KG_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _graph(text: str = DATA) -> Graph:
    return Graph().parse(data=text, format="turtle")


def test_same_content_same_key_whatever_the_blank_node_labels() -> None:
    assert verdictcache.content_key(_graph(), extra=b"") == verdictcache.content_key(
        _graph(), extra=b""
    )


def test_a_changed_input_or_code_is_another_key() -> None:
    key = verdictcache.content_key(_graph(), extra=b"")
    assert verdictcache.content_key(_graph(DATA.replace("one", "two")), extra=b"") != key
    assert verdictcache.content_key(_graph(), extra=b"another jar") != key


def test_a_graph_too_costly_to_canonicalise_gets_no_content_key() -> None:
    # A list of 4,000 times the same IRI (44 kB of Turtle) kept build in Oxigraph's
    # canonicalisation for over an hour; such a graph is checked without this cache.
    items = " ".join(["ex:b"] * 4000)
    hard = _graph(f"@prefix ex: <http://example.org/> .\nex:a ex:list ( {items} ) .\n")
    assert verdictcache.content_key(hard, extra=b"") is None
    # blank nodes that their own triples tell apart are canonicalised as before
    many = "\n".join(f"ex:a ex:p [ ex:q {n} ] ." for n in range(4000))
    told_apart = _graph(f"@prefix ex: <http://example.org/> .\n{many}")
    assert verdictcache.content_key(told_apart, extra=b"")


def test_definite_verdicts_are_kept_and_failures_are_not() -> None:
    verdictcache.store("k1", (False, "inconsistent"))
    verdictcache.store("k2", (None, "could not run"))
    assert verdictcache.load("k1") == (False, "inconsistent")
    assert verdictcache.load("k2") is None


def test_a_corrupt_entry_is_ignored_and_replaced(cache: Path) -> None:
    cache.mkdir(parents=True)
    (cache / "k.json").write_text('{"key": "k", "consistent": tr', encoding="utf-8")
    assert verdictcache.load("k") is None
    (cache / "k.json").write_text('{"key": "other", "consistent": true, "message": ""}')
    assert verdictcache.load("k") is None
    verdictcache.store("k", (True, ""))
    assert verdictcache.load("k") == (True, "")
    assert [p.name for p in cache.iterdir()] == ["k.json"]  # no temporary file left


def test_off_disables_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICT_KG_CACHE", "off")
    verdictcache.store("k", (True, ""))
    assert verdictcache.load("k") is None


def test_hermit_answers_from_the_cache_until_the_input_changes(cache: Path) -> None:
    if not hermit.java_available() or hermit._classpath() is None:
        pytest.skip("needs java and owlready2 (HermiT)")
    first = hermit.start(Graph(), _graph())
    assert first.result() == (True, "")
    (entry,) = cache.iterdir()
    # a planted verdict under that key is what the next run answers: the cache is read
    entry.write_text(entry.read_text().replace('"consistent": true', '"consistent": false'))
    assert hermit.start(Graph(), _graph()).result()[0] is False
    # another input is another key: HermiT runs again
    assert hermit.start(Graph(), _graph(DATA.replace("one", "two"))).result() == (True, "")
    assert len(list(cache.iterdir())) == 2
