"""Fuzz the Turtle reader and the SPARQL-results reader (issue #14).

Properties: no exception but the tree's own (``LoadError``, ``EndpointError``)
escapes a reader; the CLI exits 0, 1 or 2 and prints no traceback; a failed
``build`` writes nothing. Brief in the suite; longer with, e.g.::

    CONFLICT_KG_FUZZ_EXAMPLES=2000 pytest -q tests/test_fuzz_readers.py
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import GOOD_DATA, write_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.check.filecheck import _CACHE, parse_file
from kg.cli.main import main
from kg.errors import EndpointError, LoadError
from kg.read.store import load_file
from kg.sparql.endpoint import _parse_results

EXAMPLES = int(os.environ.get("CONFLICT_KG_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FEW = settings(FUZZ, max_examples=max(3, EXAMPLES // 10))

PIECES = [
    '"', "'", "<", ">", "\\", "\\u0000", "\\u000B", "\\uD800", "\\U0010FFFF", "\\u003E",
    "@", "@abcdefghijk", "^^", "^^xsd:date", ".", ";", ",", "[", "]", "(", ")", "#",
    " ", "\n", "\r", "\t", "\x00", "\x0b", "\ufeff", "é", "-0044", "20201", "0000",
    "2020-13-45", "_:b", "a", "id:", "ckg:", "@prefix", "@base <../x/> .", "<<", ">>",
]  # fmt: skip

edit = st.tuples(st.integers(min_value=0), st.integers(0, 3), st.sampled_from(PIECES) | st.text())


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply ``(position, cut, insert)`` edits to ``text``."""
    for pos, cut, insert in edits:
        at = pos % (len(text) + 1)
        text = text[:at] + insert + text[at + cut :]
    return text


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(edits=st.lists(edit, max_size=6))
def test_turtle_readers_raise_only_load_errors(tmp_path: Path, edits: list) -> None:  # type: ignore[type-arg]
    path = tmp_path / "fuzz.ttl"
    _write(path, mutate(GOOD_DATA, edits))
    _CACHE.clear()
    with suppress(LoadError):
        parse_file(path)
    with suppress(LoadError):
        load_file(ox.Store(), path)


@FEW
@given(edits=st.lists(edit, min_size=1, max_size=4), mode=st.sampled_from(["full", "fast"]))
def test_validate_and_build_exit_cleanly(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    edits: list,  # type: ignore[type-arg]
    mode: str,
) -> None:
    base = tmp_path_factory.mktemp("fz")
    root = write_project(base / "p")
    _write(root / "data" / "actors.ttl", mutate(GOOD_DATA, edits))
    _CACHE.clear()
    assert main(["--root", str(root), "validate", "--mode", mode]) in (0, 1, 2)
    out = base / "out"
    code = main(["--root", str(root), "build", "--out", str(out)])
    captured = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in captured.err + captured.out
    if code != 0:
        assert not out.exists()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
cells = st.dictionaries(
    st.sampled_from(["type", "value", "datatype", "xml:lang"]),
    st.sampled_from(["uri", "literal", "bnode", "typed-literal", "triple", ""]) | json_values,
)
results = st.fixed_dictionaries(
    {"head": st.fixed_dictionaries({"vars": st.lists(st.text(max_size=3)) | json_values})},
    optional={
        "results": st.fixed_dictionaries(
            {"bindings": st.lists(st.dictionaries(st.text(max_size=3), cells | json_values))}
        )
        | json_values,
        "boolean": st.booleans() | json_values,
    },
)


@FUZZ
@given(answer=results | json_values)
def test_results_reader_raises_only_endpoint_errors(answer: object) -> None:
    raw = json.dumps(answer).encode()
    try:
        parsed = _parse_results("http://h/q", raw)
    except EndpointError:
        return
    rows = parsed.get("results", {}).get("bindings", [])
    assert all(isinstance(cell.get("value", ""), str) for row in rows for cell in row.values())


@FUZZ
@given(raw=st.binary(max_size=200))
def test_results_reader_takes_any_bytes(raw: bytes) -> None:
    with suppress(EndpointError):
        _parse_results("http://h/q", raw)
