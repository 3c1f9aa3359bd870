"""Benchmark: recall and precision of PA-X actor resolution on the hand-checked sample.

The sample (``tests/fixtures/pax/sample_mentions.csv``, 201 mentions) was drawn at
random, stratified by column (Part, ThrdPart) and by the language PA-X writes them
in, plus the cases issue 16 names; each mention's expected actors were written by
hand from its text. Expected actors are separated by ``|``; each is either an id (``sudan``,
``office-foreign-minister-of-japan``) or a body PA-X names, by a spelling or an
abbreviation PA-X writes: ``in:NATO`` (in scope: states, governments, offices,
armed forces, international organisations and their missions, mediation groups)
or ``ns:MILF`` (a non-state actor). ``unresolved`` means no actor (a bare
personal name, a place, a title).

Run from the repository root::

    python benchmarks/pax_sample.py [PATH/TO/pax.csv]

It prints recall in scope and for non-state actors, precision, and every miss.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.importers.groups import GroupIndex
from kg.importers.mentions import Mention
from kg.importers.pax import read_pax
from kg.importers.pax_rdf import PaxGraph
from kg.importers.reconcile import ID, Resolver

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "fixtures" / "pax" / "sample_mentions.csv"


@dataclass
class Score:
    """Counts of found and missed expected actors, right and wrong resolutions."""

    found: dict[str, int] = field(default_factory=lambda: {"in": 0, "ns": 0})
    expected: dict[str, int] = field(default_factory=lambda: {"in": 0, "ns": 0})
    right: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)

    def recall(self, scope: str) -> float:
        return self.found[scope] / self.expected[scope] if self.expected[scope] else 1.0

    @property
    def precision(self) -> float:
        total = self.right + self.wrong
        return self.right / total if total else 1.0


def _satisfies(token: str, iri: URIRef, names: Callable[[URIRef], set[str]]) -> bool:
    if token[:3] in ("in:", "ns:"):
        return token[3:].lower() in names(iri)
    return iri == ID[token]


def score(
    rows: Iterable[dict[str, str]],
    resolve: Callable[[dict[str, str]], list[URIRef]],
    names: Callable[[URIRef], set[str]],
) -> Score:
    """Score ``resolve`` (sample row → resolved IRIs) against the expected actors."""
    result = Score()
    for row in rows:
        got = resolve(row)
        tokens = [] if row["expected"] == "unresolved" else row["expected"].split("|")
        for token in tokens:
            scope = "ns" if token.startswith("ns:") else "in"
            result.expected[scope] += 1
            if any(_satisfies(token, iri, names) for iri in got):
                result.found[scope] += 1
            else:
                result.misses.append(f"miss  {row['AgtId']} {token}: {row['mention'][:70]}")
        for iri in got:
            if any(_satisfies(t, iri, names) for t in tokens):
                result.right += 1
            else:
                result.wrong += 1
                result.misses.append(f"wrong {row['AgtId']} {iri}: {row['mention'][:70]}")
    return result


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def resolver_for(
    pax: Path, curated_root: Path = REPO
) -> tuple[Resolver, dict[tuple[str, str], list[Mention]]]:
    """A resolver with the bodies mined from the whole file, and each row's mentions."""
    from kg.cli.import_ import curated_graph

    rows, _ = read_pax(pax)
    mentions = {}
    for row in rows:
        for m in PaxGraph.mentions(row):
            mentions.setdefault((row.agt_id, m.column), []).append(m)
    resolver = Resolver.from_graph(curated_graph(str(curated_root)))
    resolver.use_groups(GroupIndex.mine((a, m) for (a, _), ms in mentions.items() for m in ms))
    return resolver, mentions


def evaluate(pax: Path) -> Score:
    resolver, mentions = resolver_for(pax)
    names: dict[URIRef, set[str]] = {}
    for group in resolver.groups.groups.values():
        names.setdefault(group.iri, set()).update(
            {n.lower() for n, _ in group.names} | {a.lower() for a in group.aliases}
        )

    def resolve(row: dict[str, str]) -> list[URIRef]:
        found = [
            m for m in mentions.get((row["AgtId"], row["column"]), []) if m.text == row["mention"]
        ]
        mention = found[0] if found else Mention(row["column"], row["mention"], row["role"])
        return [m.iri for m in resolver.resolve(mention, agreement=row["AgtId"]).matches]

    return score(sample_rows(), resolve, lambda iri: names.get(iri, set()))


def main() -> int:
    pax = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared/data/pax/pax.csv"
    result = evaluate(pax)
    for line in result.misses:
        print(line)
    print(f"sample: {len(sample_rows())} mentions")
    print(
        f"in-scope recall: {result.found['in']}/{result.expected['in']} = {result.recall('in'):.1%}"
    )
    found, expected = result.found["ns"], result.expected["ns"]
    print(f"non-state recall: {found}/{expected} = {result.recall('ns'):.1%}")
    print(f"precision: {result.right}/{result.right + result.wrong} = {result.precision:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
