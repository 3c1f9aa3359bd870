"""``conflict-kg validate`` on a generated million-triple file (``pytest -m scale``; a minute).

The CLI takes the store path by itself (the file is far above the threshold),
and its SHACL findings are exactly the violations the generator planted. Speed
is measured by the benchmarks, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import benchmark_module

from kg.cli.main import main

REPO = Path(__file__).resolve().parent.parent
SH = "http://www.w3.org/ns/shacl#"


@pytest.mark.scale
def test_validate_cli_on_a_million_triples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gen = benchmark_module("benchmarks.generate")
    data = tmp_path / "g1m.nt"
    planted = gen.write_files(data, triples=1_000_000, seed=1, violation_rate=0.002, fmt="nt")
    code = main(["--root", str(REPO), "validate", "--format", "json", str(data)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert "were not run" in report["notices"][0]  # reasoning and advice: over 1 MiB
    shacl = {(f["focus"], f["code"]) for f in report["findings"] if f["kind"] == "shacl"}
    expected = {
        (v["focus"], "shacl-" + v["component"][len(SH) :].removesuffix("ConstraintComponent"))
        for v in planted.violations
    }
    assert shacl == expected
    assert all(f["file"] == str(data) and f["line"] for f in report["findings"])
