"""The options several commands share, declared once: the same name, choices and help.

``--engine`` (of the checker), ``--reasoner``, ``--format``, ``--timeout``,
``--endpoint`` with ``--default-graph``, and ``--store-dir``. This module imports only
:mod:`argparse`, so that ``--help`` and ``query --list`` stay quick (a command passes
what it knows: its formats, its default).

Examples
--------
>>> parser = argparse.ArgumentParser()
>>> add_format(parser, ("text", "json"), default="text", what="the report")
>>> parser.parse_args(["--format", "json"]).format
'json'
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

CHECK_ENGINES = ("oxigraph", "pyshacl")
"""The engines of the checker (``validate``, ``build``): the production one first."""


def add_engine(parser: argparse.ArgumentParser) -> None:
    """Add ``--engine`` of the commands that check the project (``validate``, ``build``)."""
    parser.add_argument(
        "--engine",
        choices=CHECK_ENGINES,
        default=CHECK_ENGINES[0],
        help="oxigraph (default): the files loaded into Oxigraph, SHACL compiled to "
        "SPARQL -- the checker of every command; pyshacl: the reference engines "
        "(rdflib graphs, pySHACL), the same findings far slower, for comparison",
    )


def add_query_engine(parser: argparse.ArgumentParser, engines: Sequence[str]) -> None:
    """Add ``--engine`` of ``query``: the in-process SPARQL engine (the first is the default)."""
    parser.add_argument(
        "--engine",
        choices=tuple(engines),
        default=engines[0],
        help=f"the in-process SPARQL engine (default: {engines[0]})",
    )


def add_reasoner(parser: argparse.ArgumentParser, *, limit_mib: int) -> None:
    """Add ``--reasoner`` (what is checked, not how) and its short form ``--no-reasoner``.

    ``limit_mib`` is the size under which ``auto`` runs them
    (:data:`kg.check.options.RICH_LIMIT`, passed by the command, which imports it anyway).
    """
    parser.add_argument(
        "--reasoner",
        choices=("auto", "always", "never"),
        default="auto",
        help=f"OWL 2 RL/DL consistency and the advice warnings (labels, reachability): "
        f"auto (default) runs them when the checked data files hold at most "
        f"{limit_mib} MiB (they take minutes on big imports; a note says "
        f"when they were skipped), always, or never (the advice still runs)",
    )
    parser.add_argument(
        "--no-reasoner",
        action="store_const",
        const="never",
        dest="reasoner",
        help="the same as --reasoner never",
    )


def add_format(
    parser: argparse.ArgumentParser,
    formats: Sequence[str],
    *,
    default: str | None,
    what: str,
    default_text: str | None = None,
) -> None:
    """Add ``--format`` with the command's ``formats``.

    The help says ``what`` is written in that format and the default (``default_text``
    when there is no fixed default).
    """
    parser.add_argument(
        "--format",
        choices=tuple(formats),
        default=default,
        help=f"{what} (default: {default_text or default})",
    )


def add_timeout(
    parser: argparse.ArgumentParser,
    *,
    applies_to: str,
    also: str = "",
    default: float | None = None,
    default_text: str | None = None,
) -> None:
    """Add ``--timeout SECONDS``: the seconds allowed for ``applies_to``, answer included
    (and ``also``, what else it bounds).

    The help gives the default as ``default_text``, else ``default``.
    """
    shown = default_text or (f"{default:g}" if default is not None else "no limit")
    parser.add_argument(
        "--timeout",
        type=float,
        default=default,
        metavar="SECONDS",
        help=f"seconds allowed for {applies_to}, answer included{also and ', ' + also} "
        f"(default {shown})",
    )


def positive_int(text: str) -> int:
    """A whole number of 1 or more (argparse type).

    Examples
    --------
    >>> positive_int("2000")
    2000
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def add_endpoint(parser: argparse.ArgumentParser, *, instead: str) -> None:
    """Add ``--endpoint QUERY_URL`` and ``--default-graph IRI`` of the commands that ask a
    SPARQL endpoint ``instead`` of the checked graph (``query``, ``why``)."""
    parser.add_argument(
        "--endpoint", metavar="QUERY_URL", help=f"a SPARQL 1.1 query endpoint: {instead}"
    )
    parser.add_argument(
        "--default-graph",
        action="append",
        default=[],
        metavar="IRI",
        help="with --endpoint: query this named graph as the default graph (repeatable), "
        "e.g. the --graph given to publish",
    )


def add_store_dir(parser: argparse.ArgumentParser, *, writes: bool = True) -> None:
    """Add ``--store-dir DIR`` of the commands that read the checked graph.

    ``writes``: whether the command writes the store again when it is out of date.
    """
    then = "checked and written again" if writes else "the files are checked (nothing is written)"
    parser.add_argument(
        "--store-dir",
        metavar="DIR",
        help="the checked graph kept by build (default: build/store in the project root); "
        f"reused while no input file changed, else {then}",
    )


__all__ = [
    "CHECK_ENGINES",
    "add_endpoint",
    "add_engine",
    "add_format",
    "add_query_engine",
    "add_reasoner",
    "add_store_dir",
    "add_timeout",
]
