"""Per-file checks: syntax here; literals, IRIs and the closed ``ckg:`` vocabulary in
:mod:`kg.check.termcheck`.

Each file is parsed with :func:`kg.read.linemap.parse_with_lines`, so every finding
names the line of the triple that causes it.

Examples
--------
>>> from pathlib import Path
>>> parsed, found = parse_file(Path("data/actors.ttl"))  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.termcheck import PROPERTY_TYPES, literal_findings, vocabulary_findings
from kg.errors import LoadError
from kg.read.linemap import Located, parse_with_lines
from kg.read.load import (
    _raw_literals,
    _read_bytes,
    _syntax_error,
    decoded,
    with_final_break,
)
from kg.read.wellformed import NO_BASE

DEFAULT_MAX_BYTES = 2048 * 1024 * 1024
"""Files larger than this are refused (exit 2) unless ``--max-size`` says otherwise.

2 GiB: an import of 10^7 triples as N-Triples (about 1.4 GB) passes, and
validates in the store path in about 0.7 GB of memory per million triples; a
bigger file is more likely a mistake (a dump of something else) than a dataset
to validate in one go.
"""


def parse_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Located | None, list[Diagnostic]]:
    """Parse one Turtle file; a syntax error is returned as a diagnostic.

    Parameters
    ----------
    path : Path
    max_bytes : int
        Refuse larger files (0: no limit).

    Returns
    -------
    (Located or None, list of Diagnostic)
        The parsed file (None on a syntax error) and its syntax/literal findings.

    Raises
    ------
    LoadError
        The file cannot be read, is not UTF-8 or is too large: the validator
        cannot run on it (exit 2).

    Notes
    -----
    Results are cached per process by path, modification time and size (the
    last :data:`CACHE_SIZE` files), so the ontology and shapes are parsed once
    when many files are validated one by one. Callers must not modify the
    returned graph.
    """
    check_size(path, max_bytes)
    if path.is_dir():
        raise LoadError(path, "is a directory, not a Turtle file")
    key = _cache_key(path)
    if key in _CACHE:
        parsed, found = _CACHE[key]
        return parsed, list(found)
    result = _parse(path)
    if key is not None:
        _CACHE[key] = (result[0], tuple(result[1]))
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
    return result


def check_size(path: Path, max_bytes: int) -> None:
    """Refuse a file larger than ``max_bytes`` (0: no limit) with a :class:`LoadError`.

    Examples
    --------
    >>> check_size(Path("no-such-file.ttl"), 1)
    """
    if max_bytes and path.is_file() and path.stat().st_size > max_bytes:
        size = path.stat().st_size / 2**20
        raise LoadError(
            path,
            f"file too large ({size:.1f} MiB > {max_bytes / 2**20:.0f} MiB)",
            hint="Split it, or raise the limit with --max-size MIB (0 for none).",
        )


def store_syntax_error(err: LoadError) -> Diagnostic:
    """A syntax error from Oxigraph's parser (:func:`kg.read.store.load_file`) as a diagnostic.

    As for rdflib's errors, a missing ``.`` is reported at the end of the
    statement that lacks it, not where the parser noticed. Only the lines up to
    the error are read.

    Examples
    --------
    >>> store_syntax_error(LoadError("a.ttl", "RDF syntax error: x", line=2, column=1)).line
    2
    """
    line, column = err.line, err.column
    what = err.what
    if "Parser error between" in what and ": " in what:
        what = "RDF syntax error: " + what.split(": ", 2)[-1]
    if "dot is expected" in what and line is not None and Path(err.path).is_file():
        with Path(err.path).open(encoding="utf-8", errors="replace") as stream:
            head = "".join(next(stream, "") for _ in range(line))
        rows = head.split("\n")
        before = rows[line - 1][: (column or 1) - 1] if len(rows) >= line else ""
        end = (
            unclosed_statement_end(head, line)
            if not before.strip(" \t") or " " not in before
            else None
        )
        if end is not None and end[0] < line:
            return _syntax_diagnostic(err, what, end)
    return _syntax_diagnostic(err, what, None)


def _syntax_diagnostic(err: LoadError, what: str, end: tuple[int, int] | None) -> Diagnostic:
    """The ``syntax-error`` diagnostic of ``err``; at ``end`` (the statement lacking
    its ``.``) when given, with a hint naming where the parser noticed."""
    line, column, hint = err.line, err.column, err.hint
    if end is not None:
        line, column = end
        hint = (
            f"End the statement with '.' (or continue it with ';' or ','); the parser "
            f"noticed at line {err.line}."
        )
    return Diagnostic(
        kind="syntax",
        code="syntax-error",
        severity=ERROR,
        message=what,
        file=str(err.path),
        line=line,
        column=column,
        hint=hint,
    )


CACHE_SIZE = 16
"""Parsed files kept for reuse within one process (the ontology, shapes and context)."""

_CACHE: dict[tuple[str, int, int], tuple[Located | None, tuple[Diagnostic, ...]]] = {}


def _cache_key(path: Path) -> tuple[str, int, int] | None:
    """``(path as given, mtime, size)``: a file edited since is parsed again."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return str(path), stat.st_mtime_ns, stat.st_size


def _parse(path: Path) -> tuple[Located | None, list[Diagnostic]]:
    raw = _read_bytes(path)  # a missing or unreadable file stops the run (exit 2)
    try:
        text = decoded(path, raw)
    except LoadError as undecodable:  # not UTF-8: a syntax error, as on Oxigraph's path
        return None, [_syntax_diagnostic(undecodable, undecodable.what, None)]
    try:
        with _raw_literals():
            graph, lines = parse_with_lines(with_final_break(text), base=NO_BASE)
    except BadSyntax as exc:
        err = _syntax_error(path, text, exc)
        return None, [_from_load_error(err, text)]
    except Exception as exc:  # noqa: BLE001 - rdflib raises assorted errors on broken input
        return None, [
            Diagnostic("syntax", "syntax-error", ERROR, f"cannot parse: {exc}", str(path))
        ]
    located = Located(path, graph, lines, text)
    return located, literal_findings(located)


def unclosed_statement_end(text: str, line: int) -> tuple[int, int] | None:
    """Where the statement before ``line`` ends: its last line and the column after it.

    The parser notices a missing ``.`` only at the next statement; a reviewer
    wants the line that lacks it. Blank and comment-only lines are skipped.

    Examples
    --------
    >>> unclosed_statement_end("<a> <b> <c>\n# note\n\n<d> <e> <f> .", 4)
    (1, 12)
    """
    lines = text.split("\n")
    for number in range(min(line, len(lines)) - 1, 0, -1):
        content = lines[number - 1].rstrip()
        if content and not content.lstrip().startswith("#"):
            return number, len(content) + 1
    return None


def _starts_line(text: str, line: int, column: int | None) -> bool:
    """True when ``column`` is the first non-blank character of ``line``."""
    lines = text.split("\n")
    if column is None or line > len(lines):
        return False
    content = lines[line - 1]
    return column == len(content) - len(content.lstrip()) + 1


def _from_load_error(err: LoadError, text: str = "") -> Diagnostic:
    line, column = err.line, err.column
    end = None
    if "expected '.'" in err.what and line is not None and _starts_line(text, line, column):
        end = unclosed_statement_end(text, line)
    return _syntax_diagnostic(err, err.what, end)


__all__ = [
    "DEFAULT_MAX_BYTES",
    "PROPERTY_TYPES",
    "check_size",
    "literal_findings",
    "parse_file",
    "store_syntax_error",
    "vocabulary_findings",
]
