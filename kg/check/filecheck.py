"""Per-file checks: syntax, literal datatypes and the closed ``ckg:`` vocabulary.

Each file is parsed with :func:`kg.read.linemap.parse_with_lines`, so every finding
names the line of the triple that causes it.

Examples
--------
>>> from pathlib import Path
>>> parsed, found = parse_file(Path("data/actors.ttl"))  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from kg import CKG
from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.shacl.reference import label_of
from kg.errors import LoadError
from kg.read.linemap import LineMap, Located, parse_with_lines
from kg.read.load import _raw_literals, _read_text, _syntax_error, literal_message
from kg.read.names import qname
from kg.read.wellformed import (
    NO_BASE,
    bad_literal,
    declared_terms,
    iri_problem,
    literal_problem,
)

DEFAULT_MAX_BYTES = 2048 * 1024 * 1024
"""Files larger than this are refused (exit 2) unless ``--max-size`` says otherwise.

2 GiB: an import of 10^7 triples as N-Triples (about 1.4 GB) passes, and
validates in the store path in about 0.7 GB of memory per million triples; a
bigger file is more likely a mistake (a dump of something else) than a dataset
to validate in one go.
"""

PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


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
    text = _read_text(path)
    try:
        with _raw_literals():
            graph, lines = parse_with_lines(text, base=NO_BASE)
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


def _first_line(lines: LineMap, triple: tuple[object, object, object]) -> int | None:
    return lines.line_of(triple)  # type: ignore[arg-type]


def literal_findings(f: Located) -> list[Diagnostic]:
    """Ill-formed literals and IRIs, one finding per triple (see :mod:`kg.read.wellformed`).

    Triples that no RDF store can hold (an IRI with a space, a malformed
    language tag, a lone surrogate) are removed from ``f.graph`` once reported,
    so the later checks never meet them.
    """
    found = []
    unholdable = []
    bad_iris: dict[Node, int | None] = {}  # each bad IRI once, at its first line
    for s, p, o in f.graph:
        line = _first_line(f.lines, (s, p, o))
        datatype = o.datatype if isinstance(o, Literal) else None
        for term in (s, p, o, datatype):
            if term is not None and iri_problem(term) is not None:
                known = bad_iris.get(term, line)
                bad_iris[term] = min(known, line) if known and line else known or line
                unholdable.append((s, p, o))
        if not (isinstance(o, Literal) and bad_literal(o)):
            continue
        dtype = f.graph.namespace_manager.normalizeUri(str(o.datatype or ""))
        message, hint = literal_message(o, dtype)
        # what no RDF parser accepts (Oxigraph's refuses it) is a syntax error, as in fast mode
        syntax = _unholdable(o)
        if syntax:
            unholdable.append((s, p, o))
        found.append(
            Diagnostic(
                kind="syntax" if syntax else "literal",
                code="syntax-error" if syntax else "invalid-literal",
                severity=ERROR,
                message=message,
                file=str(f.path),
                line=line,
                column=f.column(line, o),
                focus=None if syntax else str(s),
                focus_label=None if syntax else _label(f.graph, s),
                property=None if syntax else qname(f.graph, p),
                value=None if syntax else str(o),
                hint=hint,
            )
        )
    for term, first in bad_iris.items():
        found.append(_iri_finding(f, first, term, iri_problem(term) or ""))
    for triple in unholdable:
        f.graph.remove(triple)
    return found


def _shown_iri(iri: str) -> str:
    """``iri`` as written when it is a relative one resolved under :data:`NO_BASE`."""
    return iri[len(NO_BASE) - 1 :] if iri.startswith(NO_BASE) else iri


def _unholdable(o: Literal) -> bool:
    """A malformed language tag or a lone surrogate: no RDF store can hold the literal."""
    malformed = o.language is not None and "language tag" in (literal_problem(o) or "")
    return malformed or any(0xD800 <= ord(c) <= 0xDFFF for c in o)


def _iri_finding(f: Located, line: int | None, term: Node, problem: str) -> Diagnostic:
    return Diagnostic(
        kind="syntax",
        code="syntax-error",
        severity=ERROR,
        message=f"IRI {_shown_iri(str(term))!r} {problem}",
        file=str(f.path),
        line=line,
        hint=(
            "Write an absolute IRI, or declare @base <https://…/>."
            if str(term).startswith(NO_BASE)
            else "Percent-encode the character (a space is %20) or remove it."
        ),
    )


def _label(graph: Graph, node: object) -> str | None:
    if not isinstance(node, URIRef):
        return None
    label = label_of(graph, node)
    return None if label == str(node) else label


def vocabulary_findings(f: Located, ontology: Graph) -> list[Diagnostic]:
    """Undeclared ``ckg:`` IRIs, classes used as properties and properties used as classes;
    in a data file (one that declares no ``owl:Ontology``), any statement about a
    ``ckg:`` term: data may not redefine the ontology (``ckg:Talks rdfs:subClassOf
    ckg:Actor`` in ``data/`` would make every round of talks an actor).

    One diagnostic per offending triple.
    """
    data_file = (None, RDF.type, OWL.Ontology) not in f.graph
    declared = declared_terms(ontology)
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    props = {s for t in PROPERTY_TYPES for s in ontology.subjects(RDF.type, t)}
    found = []
    for s, p, o in f.graph:
        if data_file and isinstance(s, URIRef) and s.startswith(str(CKG)):
            found.append(_redefinition(f, (s, p, o)))
        for term in (s, p, o):
            if isinstance(term, URIRef) and term.startswith(str(CKG)) and term not in declared:
                found.append(
                    _vocab(
                        f,
                        (s, p, o),
                        term,
                        "undeclared-term",
                        f"{qname(f.graph, term)} is not declared in the ontology",
                        "Fix the spelling or declare the term in the ontology.",
                    )
                )
        if p in classes:
            found.append(
                _vocab(
                    f,
                    (s, p, o),
                    p,
                    "class-as-property",
                    f"{qname(f.graph, p)} is a class, used here as a property",
                    "Use a property here (or `a` to type the subject).",
                )
            )
        if p == RDF.type and o in props:
            found.append(
                _vocab(
                    f,
                    (s, p, o),
                    o,
                    "property-as-class",
                    f"{qname(f.graph, o)} is a property, used here as a class",
                    "Type the subject with a class of the ontology.",
                )
            )
    return found


def _redefinition(f: Located, triple: tuple[Node, Node, Node]) -> Diagnostic:
    s, p, o = triple
    said = f"{qname(f.graph, s)} {qname(f.graph, p)} {short(f.graph, o)}"
    return _vocab(
        f,
        triple,
        s,
        "redefines-ontology",
        f"a data file may not describe the ontology's terms ({said})",
        "Move the statement into ontology/, where the ontology's checks apply.",
    )


def short(graph: Graph, term: Node) -> str:
    """``term`` as a prefixed name (IRIs) or quoted (literals), for a message."""
    return qname(graph, term) if isinstance(term, URIRef) else repr(str(term))


def _vocab(
    f: Located,
    triple: tuple[object, object, object],
    term: Node,
    code: str,
    what: str,
    hint: str,
) -> Diagnostic:
    s, p, o = triple
    return Diagnostic(
        kind="vocabulary",
        code=code,
        severity=ERROR,
        message=what,
        file=str(f.path),
        line=(line := _first_line(f.lines, triple)),
        column=f.column(line, term),
        focus=str(s),
        focus_label=_label(f.graph, s),
        property=qname(f.graph, p),
        value=qname(f.graph, o) if o == term else None,
        hint=hint,
    )


__all__ = [
    "DEFAULT_MAX_BYTES",
    "check_size",
    "literal_findings",
    "parse_file",
    "store_syntax_error",
    "vocabulary_findings",
]
