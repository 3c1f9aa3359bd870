"""The names bodies are mined under: a list's dash or a delegation is no part of them."""

from __future__ import annotations

from kg.importers.groups import GroupIndex
from kg.importers.mentions import split_mentions


def _mined(*lines: str) -> set[str]:
    mentions = [("1", m) for line in lines for m in split_mentions(line, column="Part")]
    return {group.label for group in GroupIndex.mine(mentions).groups.values()}


def test_a_list_dash_is_no_part_of_a_name() -> None:
    """Chad's 761 lists "- For the Union of Forces for Democracy and Development: Mahamat
    Nouri": a body was minted as "- For the Union of Forces for Democracy and Development"."""
    labels = _mined("- For the Union of Forces for Democracy and Development: Mahamat Nouri")
    assert labels == {"Union of Forces for Democracy and Development"}
    (mention,) = split_mentions("- For the Rally of Forces for Change: X", column="Part")
    assert mention.match_text.startswith("For the Rally")


def test_a_delegation_of_a_body_is_the_body() -> None:
    """Guatemala's 309: "For the delegation of the National Reconciliation Commission:
    (Signed) …" minted "For the delegation of the National Reconciliation Commission"."""
    labels = _mined(
        "For the delegation of the National Reconciliation Commission: (Signed) Jorge SERRANO"
    )
    assert labels == {"National Reconciliation Commission"}


def test_the_government_of_a_state_under_an_old_official_name_is_no_body() -> None:
    """Mozambique's 419: "For the delegation of the Government of the People's Republic
    of Mozambique: …" is the state's government, not a body of its own."""
    assert not _mined(
        "For the delegation of the Government of the People's Republic of Mozambique: A. Guebuza"
    )
