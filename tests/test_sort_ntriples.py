"""``conflict-kg.nt`` is the graph's N-Triples sorted, each line once, blank nodes canonical.

The sort takes shortcuts (a store's dump is nearly sorted and has no repeated
line; the few lines with a blank node are cut out of the text in one scan), so
it is checked here against the plain definition on generated texts.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.outputs.graphfiles import canonical_blank_nodes, sort_ntriples, sorted_ntriples

_SUBJECTS = ["<urn:a>", "<urn:b>", "_:x", "_:y"]
_OBJECTS = ["<urn:c>", '"_:not a blank node"', '"plain"', "_:x", '"é"@fr']


def _plain(text: bytes) -> bytes:
    """The definition: the set of lines, blank nodes relabelled canonically, sorted."""
    lines = set(text.split(b"\n")) - {b""}
    blank = {line for line in lines if b"_:" in line}
    ordered = sorted((lines - blank) | set(canonical_blank_nodes(blank)))
    return b"\n".join(ordered) + b"\n" if ordered else b""


_LINE = st.builds(
    lambda s, p, o: f"{s} <urn:p{p}> {o} .".encode(),
    st.sampled_from(_SUBJECTS),
    st.integers(0, 2),
    st.sampled_from(_OBJECTS),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=12), st.booleans())
def test_the_sort_is_the_plain_definition(lines: list[bytes], last_newline: bool) -> None:
    text = b"\n".join(lines) + (b"\n" if last_newline and lines else b"")
    assert sort_ntriples(text) == _plain(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, max_size=12, unique=True))
def test_a_store_dump_sorts_as_its_text_does(lines: list[bytes]) -> None:
    store = ox.Store()
    store.load(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    assert sorted_ntriples(store) == _plain(dumped)


def test_the_files_written_from_the_lines_are_those_written_from_the_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import kg.outputs.graphfiles as graphfiles

    monkeypatch.setattr(graphfiles, "_CHUNK", 3)  # several chunks from a small graph
    store = ox.Store()
    text = "".join(
        f'<urn:s{i % 4}> <urn:p{i}> "é{i}"@fr .\n_:b{i % 2} <urn:q> <urn:s{i}> .\n'
        for i in range(9)
    )
    store.load(text.encode(), format=ox.RdfFormat.N_TRIPLES)
    lines = graphfiles.sorted_lines(store)
    whole = sorted_ntriples(store)
    prefixes = {"ex": "urn:"}

    def written(writer: graphfiles.Writer) -> bytes:
        out = io.BytesIO()
        writer(out)
        return out.getvalue()

    assert written(graphfiles.lines_writer(lines)) == whole
    dumped = tmp_path / "graph.nt"
    dumped.write_bytes(whole)
    turtle = written(graphfiles.turtle_writer(dumped, prefixes))
    assert turtle == written(graphfiles.turtle_writer(whole, prefixes))
    assert b"_:" in whole and turtle.count(b"\n") > 3
