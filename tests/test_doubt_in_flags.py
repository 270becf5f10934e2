"""Doubt lives in flags, not in notes (CURATION.md, "Doubt lives in flags").

A note may explain a curation choice; a note that doubts the source is allowed only on a record
that carries a flag, so that the graph, the explorer and the paths see the doubt.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CURATION = Path(__file__).parents[1] / "graph" / "curation"

DOUBT = re.compile(
    r"\b(wrong|error|erroneous|garbled|mistransl\w*|doubt\w*|unclear|overstat\w*|contradict\w*"
    r"|misattribut\w*|should be|probably meant|not supported|questionable|incorrect|mistak\w*)\b",
    re.IGNORECASE,
)
"""Words that doubt the source. A word is enough: a false alarm is fixed by rewording the note."""


def _records() -> list[tuple[str, dict]]:
    records = []
    for path in sorted(CURATION.glob("*/*.yaml")):
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if "id" in record:
                records.append((f"{path.parent.name}/{path.name}:{record['id']}", record))
    return records


def _notes(record: dict) -> list[str]:
    notes = [record.get("notes") or ""]
    notes += [figure.get("notes") or "" for figure in record.get("figures", [])]
    return [note for note in notes if note]


def doubting_notes_without_flag(records: list[tuple[str, dict]]) -> list[str]:
    """Where a record's note doubts the source but the record has no flag."""
    return [
        f"{where}: {match.group(0)!r} in {note[:80]!r}"
        for where, record in records
        if not record.get("flags")
        for note in _notes(record)
        if (match := DOUBT.search(note))
    ]


def test_no_note_carries_a_doubt_no_flag_carries():
    problems = doubting_notes_without_flag(_records())
    assert not problems, "doubt in a note but no flag:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("note", "flags", "found"),
    [
        ("The source's number is probably a garbled 25.", [], True),
        ("The source's number is probably a garbled 25.", [{"kind": "garbled_number"}], False),
        ("Subject is the article's dendritic cells.", [], False),
        ("This Should Be read as CD4+.", [], True),
    ],
)
def test_the_rule_sees_doubt_words_and_flags(note, flags, found):
    assert bool(doubting_notes_without_flag([("x", {"notes": note, "flags": flags})])) is found


def test_a_review_claim_a_primary_paper_corrects_carries_a_flag():
    claims = {record["id"]: record for where, record in _records() if where.startswith("claims/")}
    corrected = {target for record in claims.values() for target in record.get("corrects", [])}
    assert corrected, "no paraphrase claim corrects a review claim"
    unflagged = sorted(target for target in corrected if not claims[target].get("flags"))
    assert not unflagged, f"corrected by a primary paper but not flagged: {unflagged}"
