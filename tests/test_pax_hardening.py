"""Bad and hostile PA-X input: no injection, no traceback, nothing written on failure."""

from __future__ import annotations

import csv
import os
import signal
import stat
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.cli.main import main
from kg.importers.pax import REQUIRED
from tests.test_pax_import import REPO, ROWS, row, write_csv

INJECTED = "https://www.peaceagreements.org/agreements/2322/>,<https://evil.example/injected"


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    out, rep = tmp_path / "out" / "pax.ttl", tmp_path / "out" / "report.csv"
    code = main(
        ["--root", str(REPO), "import", "pax", str(tmp_path / "pax.csv"), "-o", str(out)]
        + ["--report", str(rep), "--quiet", *extra]
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code != 0:
        assert not out.exists() and not rep.exists()
    if (tmp_path / "out").is_dir():
        assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]
    return code, err


def test_an_injected_link_is_refused_with_its_line(tmp_path, capsys) -> None:
    write_csv(tmp_path / "pax.csv", [ROWS[0], row("9003", "01/01/2020", PAX_Hyperlink=INJECTED)])
    code, err = run(tmp_path, capsys)
    assert code == 2
    assert "pax.csv:4: row 2: AgtId 9003: PAX_Hyperlink" in err
    code, err = run(tmp_path, capsys, "--skip-bad")
    assert code == 0
    g = Graph().parse(tmp_path / "out" / "pax.ttl", format="turtle")
    assert not any("evil" in str(t) for triple in g for t in triple)


@pytest.mark.parametrize("bad", ["a b", "x;y", "p,q", "c>d", "..", "Ceas\u00e9"])
def test_codes_that_are_not_tokens_are_percent_encoded(tmp_path, capsys, bad: str) -> None:
    write_csv(tmp_path / "pax.csv", [row("9001", "01/01/2020", Agtp=bad, StageSub=bad)])
    code, _ = run(tmp_path, capsys)
    assert code == 0
    g = Graph().parse(tmp_path / "out" / "pax.ttl", format="turtle")
    iris = {str(t) for triple in g for t in triple if isinstance(t, URIRef)}
    typed = [i for i in iris if "/vocab/pax/type/" in i]
    assert len(typed) == 1 and "%" in typed[0]
    assert not any(ch in typed[0] for ch in " ;,<>") and not typed[0].endswith("/..")


def test_a_process_id_that_is_not_a_number_is_refused(tmp_path, capsys) -> None:
    write_csv(tmp_path / "pax.csv", [row("9001", "01/01/2020", PP="8> ; <x")])
    code, err = run(tmp_path, capsys)
    assert code == 2 and "PP '8> ; <x' is not a process number" in err


@pytest.mark.parametrize("bad", ["388.0;389.0", "388.0, 389.0", "388.5", "x>y"])
@pytest.mark.parametrize(
    ("column", "what"),
    [
        ("UcdpCon", "a UCDP conflict number"),
        ("UcdpAgr", "a UCDP agreement number"),
        ("PamAgr", "a PAM agreement number"),
        ("CowWar", "a COW war number"),
    ],
)
def test_a_crosswalk_id_that_is_not_a_number_is_refused(
    tmp_path, capsys, bad: str, column: str, what: str
) -> None:
    """UcdpCon names the agreement's conflict (``id:ucdp-conflict-<id>``), the others are
    ids of the agreement elsewhere: a cell that is not one number is a bad row, not an IRI
    or two ids read as one (audit 19, L)."""
    write_csv(tmp_path / "pax.csv", [row("9001", "01/01/2020", **{column: bad})])
    code, err = run(tmp_path, capsys)
    assert code == 2 and f"{column} {bad!r} is not {what}" in err


def test_crosswalk_ids_lose_their_leading_zeros_as_agtid_does(tmp_path, capsys) -> None:
    write_csv(tmp_path / "pax.csv", [row("9001", "01/01/2020", UcdpCon=" 0309.0", PP="0125.0")])
    code, _ = run(tmp_path, capsys)
    assert code == 0
    g = Graph().parse(tmp_path / "out" / "pax.ttl", format="turtle")
    iris = {str(t) for triple in g for t in triple if isinstance(t, URIRef)}
    assert {i for i in iris if i.rsplit("/", 1)[-1].startswith(("ucdp-", "pax-process-"))} == {
        "https://w3id.org/conflict-kg/id/ucdp-conflict-309",
        "https://w3id.org/conflict-kg/id/pax-process-125",
    }


def test_report_cells_cannot_be_formulas(tmp_path, capsys) -> None:
    evil = ["=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-2", "\tx"]
    write_csv(tmp_path / "pax.csv", [row("9001", "01/01/2020", Part="\n".join(evil))])
    code, _ = run(tmp_path, capsys)
    assert code == 0
    with (tmp_path / "out" / "report.csv").open(encoding="utf-8", newline="") as f:
        cells = [c for r in csv.reader(f) for c in r]
    assert not [c for c in cells if c[:1] in ("=", "@", "+", "-", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in cells


def test_agreement_ids_are_ascii_digits_and_one_number_is_one_agreement(tmp_path, capsys) -> None:
    write_csv(tmp_path / "pax.csv", [row("\u0669\u0669", "01/01/2020")])
    code, err = run(tmp_path, capsys)
    assert code == 2 and "is not a number of ASCII digits" in err
    write_csv(tmp_path / "pax.csv", [row("990001", "01/01/2020"), row("0990001", "01/01/2020")])
    code, err = run(tmp_path, capsys)
    assert code == 2 and "row 2: AgtId 990001 repeats row 1" in err
    write_csv(tmp_path / "pax.csv", [row("\u0661", "\u0660\u0661/01/2020")])
    assert run(tmp_path, capsys)[0] == 2


def test_a_row_cut_short_or_too_long_is_one_line(tmp_path, capsys) -> None:
    path = write_csv(tmp_path / "pax.csv", ROWS)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    long = ",".join(["9006"] + ["x"] * len(REQUIRED))
    path.write_text("\n".join([*lines, "9005,Short row,01/01/2020", long]) + "\n")
    code, err = run(tmp_path, capsys)
    assert code == 2
    assert f"row 3: cut short: 3 fields where the header has {len(REQUIRED)}" in err
    assert f"row 4: {len(REQUIRED) + 1} fields where the header has {len(REQUIRED)}" in err
    code, err = run(tmp_path, capsys, "--skip-bad")
    assert code == 0 and "skipped" in err


def test_a_failed_write_leaves_neither_file(tmp_path, capsys) -> None:
    write_csv(tmp_path / "pax.csv", ROWS)
    (tmp_path / "blocked").write_text("")
    rep = tmp_path / "report.csv"
    code = main(
        ["--root", str(REPO), "import", "pax", str(tmp_path / "pax.csv"), "--quiet"]
        + ["-o", str(tmp_path / "blocked" / "x.ttl"), "--report", str(rep)]
    )
    assert code == 2 and "cannot write" in capsys.readouterr().err
    assert not rep.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_sigterm_during_the_import_writes_nothing(tmp_path, capsys, monkeypatch) -> None:
    import kg.cli.import_ as cli

    real = cli.import_pax

    def killed(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)
        return result

    monkeypatch.setattr(cli, "import_pax", killed)
    write_csv(tmp_path / "pax.csv", ROWS)
    code, _ = run(tmp_path, capsys)
    assert code == 143  # 128 + SIGTERM; Ctrl-C is 130 (both unwind, kg.cli.main)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_temporary_files_of_killed_imports_are_removed(tmp_path, capsys) -> None:
    write_csv(tmp_path / "pax.csv", ROWS)
    (tmp_path / "out").mkdir()
    stale = tmp_path / "out" / ".pax.ttl.import-999999999.tmp"
    stale.write_text("half")
    keep = tmp_path / "out" / ".other.tmp"
    keep.write_text("not ours")
    old = os.umask(0o022)
    try:
        assert (
            main(
                ["--root", str(REPO), "import", "pax", str(tmp_path / "pax.csv")]
                + ["-o", str(tmp_path / "out" / "pax.ttl"), "--quiet"]
            )
            == 0
        )
    finally:
        os.umask(old)
    assert not stale.exists() and keep.exists()
    assert stat.S_IMODE((tmp_path / "out" / "pax.ttl").stat().st_mode) == 0o644
