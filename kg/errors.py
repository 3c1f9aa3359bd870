"""The exception tree of conflict-kg.

``ConflictKGError`` is the base class; the CLI maps ``DataError`` to exit
status 1 and ``UsageError``, ``LoadError``, ``EndpointError`` and ``OutputError``
to 2.

Examples
--------
>>> from kg.errors import LoadError
>>> str(LoadError("data/a.ttl", "bad syntax", line=3, column=7, hint="Fix it"))
'data/a.ttl:3:7: bad syntax. Fix it'
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from typing import Any


class ConflictKGError(Exception):
    """Base class of every error raised by conflict-kg."""


class UsageError(ConflictKGError):
    """The command was called wrongly (bad option, missing project files)."""


class LoadError(ConflictKGError):
    """A file cannot be read or parsed, or holds an invalid literal or term.

    Parameters
    ----------
    path : str or PathLike
        The file at fault.
    what : str
        What is wrong.
    line, column : int, optional
        1-based position in the file, when known.
    hint : str, optional
        What to do about it.
    related : sequence of LoadError, optional
        Further problems of the same kind found in the same run.
    """

    def __init__(
        self,
        path: str | PathLike[str],
        what: str,
        *,
        line: int | None = None,
        column: int | None = None,
        hint: str = "",
        related: Sequence[LoadError] = (),
    ) -> None:
        self.path = str(path)
        self.what = what
        self.line = line
        self.column = column
        self.hint = hint
        self.related = tuple(related)
        super().__init__(self._format())

    def _format(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        msg = f"{where}: {self.what.rstrip('.')}."
        return f"{msg} {self.hint}" if self.hint else msg

    @property
    def all(self) -> tuple[LoadError, ...]:
        """This error followed by the related ones."""
        return (self, *self.related)

    @classmethod
    def first_of(cls, errors: Sequence[LoadError]) -> LoadError:
        """The earliest error (by file, line, column), carrying the others as ``related``.

        Examples
        --------
        >>> e = LoadError.first_of([LoadError("b.ttl", "x"), LoadError("a.ttl", "y", line=3)])
        >>> str(e), len(e.related)
        ('a.ttl:3: y.', 1)
        """
        ordered = sorted(errors, key=lambda e: (e.path, e.line or 0, e.column or 0))
        first = ordered[0]
        return cls(
            first.path,
            first.what,
            line=first.line,
            column=first.column,
            hint=first.hint,
            related=ordered[1:],
        )


class DataError(ConflictKGError):
    """The data fails a check; ``findings`` holds what was found, ``checked`` the files."""

    def __init__(
        self, message: str, findings: Sequence[Any] = (), *, checked: Sequence[str] = ()
    ) -> None:
        self.findings = tuple(findings)
        self.checked = tuple(checked)
        super().__init__(message)


class OutputError(ConflictKGError, OSError):
    """An output directory cannot be written (a full disk, a missing permission).

    Nothing was changed. Also an :class:`OSError`, for callers that catch that.
    """


class EndpointError(ConflictKGError):
    """A SPARQL endpoint or remote service failed or cannot be reached."""


class StoreRefusal(EndpointError):
    """A store answered a request with an HTTP error; ``status`` is its code."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        self.status = status
        self.server = ""
        """The store's ``Server`` header, when it sent one."""
        super().__init__(message)


__all__ = [
    "ConflictKGError",
    "DataError",
    "EndpointError",
    "LoadError",
    "OutputError",
    "StoreRefusal",
    "UsageError",
]
