"""A source's text as quotations: one per sentence, with offsets into the held copy.

The rule (``conflict-kg add-source``), applied to the text read as UTF-8:

1. Each line is a paragraph. A line is **page furniture**, skipped, when,
   stripped of spaces, it is empty, a single word without sentence-final
   punctuation (``Advertisement``), or ends with a colon (a call to action such
   as ``Saksikan Video Berikut Ini:``, "watch the following video:").
2. Any other line is split into sentences after ``.``, ``!`` or ``?`` (and any
   closing quotes or brackets) followed by a space and an upper-case letter or
   an opening quote. A line without such a break (a heading) is one sentence.
3. Each sentence becomes a quotation: its text exactly as written (typos
   kept), ``ckg:sentenceIndex`` its position (1-based) among the sentences,
   and ``ckg:startOffset``/``ckg:endOffset`` the code-point offsets with
   ``text[start:end] == quote``.

Examples
--------
>>> text = "Kota, Negara - Satu dua. Tiga \\"empat\\".\\nAdvertisement\\nLima:\\nEnam tujuh\\n"
>>> [(s.number, s.start, s.end, s.text) for s in sentences(text)]
[(1, 0, 24, 'Kota, Negara - Satu dua.'), (2, 25, 38, 'Tiga "empat".'), (3, 59, 69, 'Enam tujuh')]
>>> furniture_lines(text)
[2, 3]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(A-Z])")


class Sentence(NamedTuple):
    """One sentence of the held copy."""

    number: int
    start: int
    end: int
    text: str


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture (see the module docstring).

    Examples
    --------
    >>> [is_furniture(x) for x in ("Advertisement", "Saksikan Video Berikut Ini:", "Judul Berita")]
    [True, True, False]
    """
    stripped = line.strip()
    single_word = len(stripped.split()) == 1 and stripped[-1:] not in ".!?"
    return not stripped or single_word or stripped.endswith(":")


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, offset, line) of every line of ``text``."""
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, offset, line
        offset += len(line) + 1


def furniture_lines(text: str) -> list[int]:
    """The numbers of the non-empty lines skipped as page furniture."""
    return [n for n, _, line in _lines(text) if line.strip() and is_furniture(line)]


def _split(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one line, within the line."""
    start = 0
    for match in _BREAK.finditer(line):
        yield start, match.end()
        start = match.end()
    yield start, len(line)


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, furniture skipped, with their offsets."""
    found: list[Sentence] = []
    for _, offset, line in _lines(text):
        if is_furniture(line):
            continue
        for start, end in _split(line):
            chunk = line[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            if body:
                begin = offset + start + lead
                found.append(Sentence(len(found) + 1, begin, begin + len(body), body))
    return found


__all__ = ["Sentence", "furniture_lines", "is_furniture", "sentences"]
