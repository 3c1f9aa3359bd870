"""One regular expression for many names, as a trie: fast where a plain alternation is not.

Python's ``re`` tries every branch of ``a|b|c|…`` at every position of the text;
with the ~1,500 country name variants of four languages that dominated the import's
time. A trie shares common prefixes, so each position costs a few character tests.
A name that is also the prefix of a longer one becomes an optional tail, tried
first (greedy), so the longest name still wins, as with a longest-first alternation.

Examples
--------
>>> import re
>>> p = re.compile(trie_pattern(["sudan", "south sudan", "south africa"]))
>>> p.pattern
's(?:outh\\\\ (?:africa|sudan)|udan)'
>>> [m.group(0) for m in p.finditer("south sudan and sudan")]
['south sudan', 'sudan']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_END = ""


def trie_pattern(words: Iterable[str], *, char: Callable[[str], str] = re.escape) -> str:
    """A regular expression (no groups) that matches any of ``words``, longest first.

    ``char`` writes one character of a word as a pattern (``re.escape`` by default).
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _node(root, char) if root else "(?!)"


def _node(node: dict, char: Callable[[str], str]) -> str:  # type: ignore[type-arg]
    branches = [char(ch) + _node(child, char) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


__all__ = ["trie_pattern"]
