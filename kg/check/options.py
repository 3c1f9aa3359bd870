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
from kg.errors import DataError

RICH_LIMIT = 1024 * 1024
"""Above this many bytes of checked data, OWL reasoning and the advice warnings are skipped.

Every other check runs whatever the size. These two need an rdflib copy of the data
and grow faster than it (OWL 2 RL's closure): measured on a 2-core machine they take
about 3 s on the repository's curated data (about 150 KB) and minutes on 10 MB, while
the rest of ``validate`` checks a million triples in about 15 s. A notice says when
they were skipped; ``--reasoner always`` runs them at any size.
"""


@dataclass(frozen=True)
class Options:
    """What to run: ``reasoner`` (OWL RL) and ``advice`` (label and reachability warnings),
    each ``"auto"`` (up to ``rich_limit`` bytes of checked data), ``"always"`` or ``"never"``;
    ``dl`` (HermiT), ``context``, size limit, ``meta_shacl`` (check the shapes against
    SHACL-SHACL), SHACL ``engine`` (``"oxigraph"``, the default, or ``"pyshacl"``: the
    reference engines, rdflib and pySHACL, on rdflib graphs)."""

    reasoner: str = "auto"
    dl: bool = True
    context: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    meta_shacl: bool = False
    engine: str = "oxigraph"
    rich_limit: int = RICH_LIMIT


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

    @classmethod
    def of_error(cls, error: DataError) -> LintResult:
        """The findings a :class:`~kg.errors.DataError` carries, with the files checked
        (else at least those with a finding), for ``render``.

        Examples
        --------
        >>> LintResult.of_error(DataError("x")).files
        ()
        """
        found = tuple(f for f in error.findings if isinstance(f, Diagnostic))
        return cls(found, error.checked or tuple(sorted({f.file for f in found if f.file})))


__all__ = ["RICH_LIMIT", "LintResult", "Options"]
