"""conflict-kg: a knowledge graph of armed-conflict actors and peace processes.

Validate and build the graph (RDF/OWL/SHACL), query it with the SPARQL library,
trace a fact to its sources (``why``), export network views for Gephi, plot
them, serve or publish it to a SPARQL store, and import PA-X peace agreements.

Exit status: 0 success; 1 the data fails a check (an error finding: a data file's
syntax error, an invalid literal, an undeclared ``ckg:`` term, a SHACL violation);
2 usage, load or endpoint error (bad option, missing or unreadable file, an
ontology or shapes file that does not parse, unreachable endpoint, an output
that cannot be written).

To add a subcommand, write ``kg/cli/<name>.py`` defining ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``, and append a ``Command`` to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType, ModuleType
from typing import NamedTuple

from kg import __version__
from kg.errors import ConflictKGError, DataError, LoadError
from kg.read.lifetime import leave_to_exit
from kg.read.resources import find_layout


class Command(NamedTuple):
    """A subcommand, known by name and help without importing its module.

    Its module (``kg.cli.<module>``) is imported only when the command runs or
    shows its own help: ``conflict-kg --help`` imports no command module, and a
    command imports only what it uses.
    """

    NAME: str
    HELP: str
    module: str

    def load(self) -> ModuleType:
        """The command's module (``NAME``, ``HELP``, ``add_arguments``, ``run``)."""
        return importlib.import_module(f"kg.cli.{self.module}")


COMMANDS: list[Command] = [
    Command(
        "validate",
        "check syntax, literals, vocabulary, SHACL, ontology QC, project checks "
        "(exit 0 ok, 1 errors, 2 could not run)",
        "validate",
    ),
    Command(
        "build",
        "validate, then write the merged graph into --out (nothing is written on failure)",
        "build",
    ),
    Command(
        "export",
        "write a network view (mediation, cochair, …) as GEXF 1.3 or GraphML for Gephi",
        "export",
    ),
    Command(
        "plot",
        "draw a network view (labels, colour by kind, legend, dated title) as PNG or SVG",
        "plot",
    ),
    Command(
        "query",
        "run a SPARQL query from the library (or a .rq file) in-process or on an endpoint",
        "query",
    ),
    Command(
        "publish",
        "validate, then load the graph into a SPARQL 1.1 store (Graph Store Protocol or Update)",
        "publish",
    ),
    Command(
        "serve",
        "start a local Oxigraph SPARQL server on 127.0.0.1 with the graph (Ctrl-C stops it)",
        "serve",
    ),
    Command(
        "why",
        "explain an entity or one of its statements: the quotes, records or inferences behind it",
        "why",
    ),
    Command(
        "add-source",
        "write a source document and one quotation per sentence of its text (with offsets)",
        "add_source",
    ),
    Command("import", "import an external dataset (PA-X peace agreements) into RDF", "import_"),
    Command(
        "site",
        "validate, then write the static explorer website into --out (replaced whole, or kept)",
        "site",
    ),
]
"""The subcommands, in the order shown by ``--help`` (each module's ``NAME`` and ``HELP``)."""


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (after the global options), if any.

    Examples
    --------
    >>> chosen_command(["--root", "x", "query", "--list"])
    'query'
    >>> chosen_command(["--help"]) is None
    True
    """
    names = {c.NAME for c in COMMANDS}
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--root":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in names else None
    return None


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with one subparser per command in ``COMMANDS``.

    Parameters
    ----------
    only : str, optional
        Give only this command its options (and import its module); the others
        are listed by name and help. Default: every command.

    Examples
    --------
    >>> make_parser().parse_args(["--root", "x", "validate"]).root
    'x'
    """
    parser = argparse.ArgumentParser(
        prog="conflict-kg",
        description=" ".join(__doc__.split("\n\n")[:2]).replace("``", ""),
        epilog=__doc__.split("\n\n")[2].replace("``", "")
        + " Run conflict-kg COMMAND --help for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--root",
        metavar="DIR",
        help="project root (default: $CONFLICT_KG_ROOT, else the nearest checkout at or "
        "above the current directory, else the files packaged with conflict-kg)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        cmd = sub.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        if only is None or only == command.NAME:
            module = command.load()
            module.add_arguments(cmd)
            cmd.set_defaults(handler=module.run)
    return parser


ERROR_LINE = 2000
"""The most characters of an error line: a value echoed in it (a 100 kB subject given
to ``why``) is cut, and the line says how long it was."""


def _escaped(text: str) -> str:
    """``text`` with control characters escaped (:func:`kg.read.printable.escaped`), cut
    to :data:`ERROR_LINE` characters."""
    from kg.read.printable import escaped

    shown = escaped(text)
    if len(shown) <= ERROR_LINE:
        return shown
    return f"{shown[: ERROR_LINE - 60]}… (cut: the message holds {len(shown):,} characters)"


def _print_findings(exc: DataError) -> None:
    """The diagnostics behind a :class:`DataError`, as ``validate`` prints them."""
    from kg.check.formats import render
    from kg.check.options import LintResult

    result = LintResult.of_error(exc)
    if result.diagnostics:
        print(render(result, "text"), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit status.

    Called without ``argv`` (the ``conflict-kg`` script, ``python -m kg``) it
    runs this process's own command line, which exits when the command ends:
    the checker's in-memory store is then left to the operating system rather
    than freed (:mod:`kg.read.lifetime`). Called with ``argv`` (the tests, a
    library caller) everything is freed as usual.

    Examples
    --------
    >>> main(["validate"])  # doctest: +SKIP
    0
    """
    args_list = sys.argv[1:] if argv is None else list(argv)
    if sys.stdout is None:  # started with standard output closed (`conflict-kg … >&-`)
        if sys.stderr is not None:
            print(
                "error: standard output is closed; give the command somewhere to write "
                "(a file, a pipe or /dev/null)",
                file=sys.stderr,
            )
        return 2
    if argv is None:  # this process's own command line: it exits when the command ends
        leave_to_exit()
    try:
        parser = make_parser(chosen_command(args_list) or "")
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # --help, --version or a usage error
        return int(exc.code) if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:  # Ctrl-C while the command's modules were being imported
        return 130
    try:
        _settle_root(args)
        with _unwinding_on_sigterm():
            return int(args.handler(args))
    except LoadError as exc:
        for err in exc.all:
            print(f"error: {_escaped(str(err))}", file=sys.stderr)
        return 2
    except DataError as exc:
        _print_findings(exc)
        print(f"error: {_escaped(str(exc))}", file=sys.stderr)
        return 1
    except ConflictKGError as exc:
        print(f"error: {_escaped(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `| head`: the reader has all it wants
        _let_go_of_stdout()
        return 0
    except OSError as exc:  # e.g. standard output on a full disk
        _let_go_of_stdout()
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {_escaped(exc.strerror or str(exc))}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        return 143 if isinstance(exc, Terminated) else 130


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill PID``), unwound as Ctrl-C is: temporary files and staging
    directories are removed on the way out (exit 143)."""


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def _unwinding_on_sigterm() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated` (main thread only)."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _let_go_of_stdout() -> None:
    """Point standard output at the null device when it can no longer be written.

    Otherwise Python tries again to write what is left in its buffer as it
    exits, and reports that failure too.
    """
    try:
        sys.stdout.flush()
    except OSError:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _settle_root(args: argparse.Namespace) -> None:
    """Fix the project root once; say on stderr when the packaged copy is used.

    Without ``--root`` or ``$CONFLICT_KG_ROOT`` the nearest checkout above the
    current directory is used; when there is none, the files packaged with
    conflict-kg are, which a user working in a checkout must not miss.
    """
    args.packaged = False
    if args.root is not None:
        return
    layout = find_layout()
    args.packaged = layout.packaged
    if layout.packaged:
        print(
            f"note: no conflict-kg checkout in {Path.cwd()} or above it; using the "
            f"files packaged with conflict-kg in {layout.root} (--root DIR to choose)",
            file=sys.stderr,
        )
    args.root = str(layout.root)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
