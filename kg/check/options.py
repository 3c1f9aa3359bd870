"""What a validation runs (:class:`Options`) and what it gives back (:class:`LintResult`).

Examples
--------
>>> LintResult(diagnostics=(), files=("data/actors.ttl",)).errors
0
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.check.diagnostic import ERROR, Diagnostic
from kg.check.filecheck import DEFAULT_MAX_BYTES

FAST_THRESHOLD = 1024 * 1024
"""Above this many bytes of checked data files, ``--mode auto`` takes the store path.

Measured on a 2-core machine (``--no-dl``): the rich path takes 7 s on the
repository's curated data (about 150 KB, the largest file 68 KB), 11 s on a
40 KB generated file, 18 s on 130 KB and 31 s on 400 KB (10k triples of
Turtle) -- OWL 2 RL and rdflib's SPARQL grow faster than the input -- while
the store path checks a million triples in about 20 s.
"""

MODES = ("auto", "full", "fast")


@dataclass(frozen=True)
class Options:
    """What to run: ``reasoner`` (OWL RL), ``dl`` (HermiT), ``context``, size limit,
    ``meta_shacl`` (check the shapes against SHACL-SHACL), SHACL ``engine``
    (``"oxigraph"``, the default, or ``"pyshacl"``, the reference), ``mode``
    (``"full"``: the rich path, ``"fast"``: the store path, ``"auto"``: the store
    path when the checked data files exceed ``threshold`` bytes)."""

    reasoner: bool = True
    dl: bool = True
    context: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    meta_shacl: bool = False
    engine: str = "oxigraph"
    mode: str = "auto"
    threshold: int = FAST_THRESHOLD


@dataclass(frozen=True)
class LintResult:
    """The diagnostics, the files checked and notices (skipped checks)."""

    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    notices: tuple[str, ...] = field(default=())

    @property
    def errors(self) -> int:
        """Number of diagnostics of severity error."""
        return sum(1 for d in self.diagnostics if d.severity == ERROR)

    @property
    def warnings(self) -> int:
        """Number of diagnostics of severity warning."""
        return len(self.diagnostics) - self.errors


__all__ = ["FAST_THRESHOLD", "MODES", "LintResult", "Options"]
