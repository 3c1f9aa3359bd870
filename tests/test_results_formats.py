"""The output formats of ``conflict-kg query`` stay byte for byte what they were.

``json`` is written by :mod:`kg.sparql.results` without ``json``'s pure-Python
indenting encoder (a third of the time of a 12,000-row answer): the text must
still be exactly ``json.dumps(results, ensure_ascii=False, indent=2)``. The
table's prefixed names are found by one regular expression, not a loop: the
same prefix must win (the first in order, never a namespace alone). ``csv``
joins its rows at once when no cell needs quoting: the text must still be
``csv.writer``'s.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.read.printable import escaped
from kg.sparql.results import SHORT_PREFIXES, format_results, plain, short

TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from('"\\\n\r\t\x00\x1f\u2028\x85,'),
    max_size=12,
)
NAMES = st.text(alphabet="abcxyz", min_size=1, max_size=3)


@st.composite
def cells(draw: st.DrawFn) -> dict[str, str]:
    kind = draw(st.sampled_from(["uri", "bnode", "literal", "lang", "typed", "typed-literal"]))
    value = draw(TEXT)
    if kind == "lang":
        return {"type": "literal", "value": value, "xml:lang": draw(NAMES)}
    if kind in ("typed", "typed-literal"):
        literal = "literal" if kind == "typed" else kind
        return {"type": literal, "value": value, "datatype": "http://ex/" + draw(NAMES)}
    return {"type": kind, "value": value}


@st.composite
def select_results(draw: st.DrawFn) -> dict[str, object]:
    names = draw(st.lists(NAMES, unique=True, max_size=4))
    rows = draw(
        st.lists(st.fixed_dictionaries({}, optional={name: cells() for name in names}), max_size=6)
    )
    return {"head": {"vars": names}, "results": {"bindings": rows}}


@settings(max_examples=100, deadline=None)
@given(results=select_results() | st.booleans().map(lambda b: {"head": {}, "boolean": b}))
def test_json_is_what_json_dumps_writes(results: dict[str, object]) -> None:
    expected = json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    assert format_results(results, fmt="json") == expected


@settings(max_examples=200, deadline=None)
@given(results=select_results())
def test_csv_is_what_csv_writer_writes(results: dict[str, Any]) -> None:
    """Rows joined at once when no cell needs quoting: still ``csv.writer``'s text (its
    control characters other than tab, LF and CR written as ``\\uXXXX``: a store's answer
    never puts an escape sequence on the terminal)."""
    names = results["head"]["vars"]
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(names)
    for row in results["results"]["bindings"]:
        writer.writerow([plain(row.get(name)) for name in names])
    assert format_results(results, fmt="csv") == escaped(expected.getvalue())


def test_csv_of_cells_that_need_quoting_and_a_lone_empty_cell() -> None:
    iri = {"type": "uri", "value": "http://ex/a,b"}
    empty = {"type": "literal", "value": ""}
    said = {"type": "literal", "value": 'say "hi"'}
    rows = [{"s": iri, "o": empty}, {"o": said}]
    two = {"head": {"vars": ["s", "o"]}, "results": {"bindings": rows}}
    assert format_results(two, fmt="csv") == 's,o\r\n"http://ex/a,b",\r\n,"say ""hi"""\r\n'
    one = {"head": {"vars": ["o"]}, "results": {"bindings": [{"o": empty}, {}]}}
    assert format_results(one, fmt="csv") == 'o\r\n""\r\n""\r\n'


def test_json_of_unusual_values_is_still_json_dumps() -> None:
    odd: list[dict[str, object]] = [
        {"head": {"vars": ["v"]}, "results": {"bindings": [{"v": {}}]}},
        {
            "head": {"vars": ["v"]},
            "results": {"bindings": [{"v": {"type": "literal", "value": 1}}]},
        },
        {"head": {"vars": ("v",)}, "results": {"bindings": [], "extra": None}, "n": 1.5},
        {"head": {1: "x"}, "results": {"bindings": [{"v": {"type": "uri", "value": "u"}}]}},
    ]
    for results in odd:
        assert (
            format_results(results, fmt="json")
            == json.dumps(results, ensure_ascii=False, indent=2) + "\n"
        )


def _first_prefix(iri: str) -> str:
    for prefix, ns in SHORT_PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


@settings(max_examples=100, deadline=None)
@given(
    ns=st.sampled_from([*SHORT_PREFIXES.values(), "http://other/", ""]),
    cut=st.integers(min_value=0, max_value=8),
    local=TEXT,
)
def test_table_names_an_iri_by_the_first_namespace_it_extends(
    ns: str, cut: int, local: str
) -> None:
    iri = ns[: len(ns) - cut] + local  # a namespace, a cut namespace, or nothing, then any text
    assert short({"type": "uri", "value": iri}) == _first_prefix(iri)


def test_a_namespace_alone_keeps_its_brackets() -> None:
    assert short({"type": "uri", "value": SHORT_PREFIXES["id"]}) == f"<{SHORT_PREFIXES['id']}>"
    assert short({"type": "uri", "value": SHORT_PREFIXES["id"] + "\n"}) == "id:\n"
