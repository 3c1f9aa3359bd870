"""Where in a file's text a parser's error is reported: never past the text's end.

A parser that meets the end of a file in the middle of a statement reports a place
after the text: rdflib's Turtle parser at offset -1, Oxigraph's on the line after
the last one, or a column past its end. A report is then put just after the last
character that is not blank, where the statement stops, so that ``validate``,
``build`` and both engines name the same ``file:line:col``.

Examples
--------
>>> text_end("<urn:a> <urn:b> <urn:c>\\n\\n")
(1, 24)
>>> within_text("<urn:a> <urn:b> <urn:c>\\n\\n", 3, 1)
(1, 24)
>>> within_text("<urn:a> ;;\\n<urn:c> .\\n", 1, 10)
(1, 10)
"""

from __future__ import annotations


def text_end(text: str) -> tuple[int, int]:
    """The line and column (1-based) just after the last character of ``text`` that is not blank.

    Examples
    --------
    >>> text_end("")
    (1, 1)
    >>> text_end("a\\nbc  \\n")
    (2, 3)
    """
    body = text.rstrip()
    return body.count("\n") + 1, len(body) - (body.rfind("\n") + 1) + 1


def within_text(text: str, line: int | None, column: int | None) -> tuple[int, int]:
    """``(line, column)``, or :func:`text_end` when it is missing or lies past that end.

    Examples
    --------
    >>> within_text("a b", None, None)
    (1, 4)
    """
    end = text_end(text)
    if line is None or column is None or line < 1 or column < 1 or (line, column) > end:
        return end
    return line, column


__all__ = ["text_end", "within_text"]
