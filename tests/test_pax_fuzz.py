"""Fuzz the PA-X CSV reader through the CLI: any file gives exit 0, 1 or 2, never a traceback.

Brief in the suite (``PAX_FUZZ_EXAMPLES``, default 60); longer by hand::

    PAX_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -q tests/test_pax_fuzz.py
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

import kg.cli.import_ as cli
from kg.cli.main import main
from kg.importers.pax import REQUIRED
from tests.test_pax_import import REPO, ROW

EXAMPLES = int(os.environ.get("PAX_FUZZ_EXAMPLES", "60"))
NASTY = ["", " ", "=1+1", ">", "<x>", '"', "\\", "\u2028", "\x00", "0", "\u0661", "388.0", "a b"]
cells = st.one_of(st.sampled_from(NASTY), st.text(max_size=12))
good = {
    **ROW,
    "AgtId": "1",
    "Agt": "A",
    "Dat": "01/02/2003",
    "Part": "Government of Sudan",
    "ThrdPart": "United Nations",
    "PAX_Hyperlink": "https://www.peaceagreements.org/agreements/1/",
}


@st.composite
def pax_files(draw: st.DrawFn) -> bytes:
    """A PA-X-like CSV: the real header (maybe missing columns) and mutated rows."""
    header = [c for c in REQUIRED if draw(st.integers(0, 40)) > 0]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for number in range(draw(st.integers(0, 3))):
        values = {**good, "AgtId": str(number + 1)}
        for column in draw(st.lists(st.sampled_from(header or ["AgtId"]), max_size=3)):
            values[column] = draw(cells)
        width = draw(st.sampled_from([len(header), len(header), 2, len(header) + 1]))
        writer.writerow([values.get(c, "") for c in header][:width] + ["x"] * (width - len(header)))
    data = buffer.getvalue().encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # a raw byte somewhere: not UTF-8, NUL, a cut file
        pos = draw(st.integers(0, len(data)))
        data = data[:pos] + draw(st.sampled_from([b"\xff", b"\x00", b'"', b""])) + data[pos:]
    return data


@pytest.fixture(autouse=True)
def no_curated_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader is under test, not the resolver: resolve against an empty graph."""
    monkeypatch.setattr(cli, "curated_graph", lambda root: Graph())


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=pax_files(), skip_bad=st.booleans())
def test_any_csv_gives_a_clean_exit_and_writes_only_on_success(
    data: bytes, skip_bad: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, out, rep = Path(tmp, "pax.csv"), Path(tmp, "o", "pax.ttl"), Path(tmp, "o", "r.csv")
        src.write_bytes(data)
        argv = ["--root", str(REPO), "import", "pax", str(src), "-o", str(out)]
        argv += ["--report", str(rep), "--quiet"] + (["--skip-bad"] if skip_bad else [])
        code = main(argv)
        err = capsys.readouterr().err
        assert code in (0, 1, 2)
        assert "Traceback" not in err
        if code == 0:
            Graph().parse(out, format="turtle")  # the output always parses
            assert rep.is_file()
        else:
            assert err.startswith("error: ")
            assert not out.exists() and not rep.exists()
        leftovers = list(Path(tmp).rglob("*.tmp"))
        assert not leftovers
