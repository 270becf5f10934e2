"""The paths panel in a real browser (templates/explorer/55-path-panel.js): numbered paths, every step, marks, the score.

One packaged page; the pair MSC therapy → autoimmune hemolytic anemia has paths of every kind the
panel marks: is-a steps, hops on a flagged claim, hops resting only on another disease's claims
and paths from a narrower therapy. Network blocked (tests/browser_session.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mechkg.paths.search import mechanism_paths
from mechkg.render.page import write_explorer
from mechkg.render.path_records import pair_paths
from tests.browser_session import Session

pytestmark = pytest.mark.slow

THERAPY, DISEASE = "MSC_THERAPY", "AIHA"


@pytest.fixture(scope="module")
def paths_page(tmp_path_factory: pytest.TempPathFactory, browser: Any, packaged_built: Any, packaged_table: Any) -> Any:
    G = packaged_built.network
    table = pair_paths(G, packaged_table)
    target = tmp_path_factory.mktemp("paths") / "mechkg.html"
    write_explorer(G, target, paths=table)
    (entry,) = [e for e in table if (e["therapy"], e["disease"]) == (THERAPY, DISEASE)]
    return target, G, entry


def _sections(session: Session) -> list[dict[str, Any]]:
    """What the panel shows of each path: its number, heading, steps and marks."""
    return session.js(
        """() => Array.from(document.querySelectorAll('#panel section.path')).map(s => ({
          number: s.dataset.number,
          heading: s.querySelector('h3').innerText,
          narrower: (s.querySelector('.path-narrower') || {}).innerText || null,
          score: s.querySelector('.score-parts').innerText,
          steps: Array.from(s.querySelectorAll('ol.steps > li.step')).map(li => ({
            isA: li.classList.contains('is-a'),
            flagged: li.classList.contains('flagged'),
            other: li.classList.contains('other-disease'),
            text: li.innerText
          }))
        }))"""
    )


def test_paths_panel_lists_every_step_with_its_marks_and_the_score_in_words(paths_page: Any, browser: Any) -> None:
    path, G, entry = paths_page
    records = entry["paths"]
    assert any(s["kind"] == "is_a" for r in records for s in r["steps"])
    assert any(s["flagged"] for r in records for s in r["steps"]) and any(r["narrower_therapy"] for r in records)
    assert any(s["other_disease"] for r in records for s in r["steps"])
    session = Session(browser, path, f"#paths={THERAPY}%7C{DISEASE}")
    shown = _sections(session)
    assert [s["number"] for s in shown] == [str(r["number"]) for r in records] == [str(i) for i in range(1, len(records) + 1)]
    for section, record in zip(shown, records, strict=True):
        steps = record["steps"]
        assert section["heading"].startswith(f"Path {record['number']} · ")
        assert len(section["steps"]) == len(steps)  # every step, is-a steps included
        is_a = sum(s["kind"] == "is_a" for s in steps)
        hops = sum(s["kind"] == "mechanism" for s in steps)
        assert f"{hops} hop" in section["heading"] and (f"{is_a} is-a step" in section["heading"]) == bool(is_a)
        for li, step in zip(section["steps"], steps, strict=True):
            assert (li["isA"], li["flagged"], li["other"]) == (step["kind"] == "is_a", step["flagged"], step["other_disease"])
            assert G.nodes[step["from"]]["label_en"] in li["text"] and G.nodes[step["to"]]["label_en"] in li["text"]
            if step["kind"] == "is_a":
                assert "is a" in li["text"] and "「" not in li["text"]  # no claim, no quote
            if step["flagged"]:
                assert "⚑ rests on a flagged claim: " in li["text"]
            if step["other_disease"]:
                assert "claims about another disease: " in li["text"]
                diseases = {d for c in step["claims"] for d in G.graph["claims"][c].disease}
                assert all(G.nodes[d]["label_en"] in li["text"] for d in diseases)
        parts = record["score_parts"]
        assert section["score"].startswith("Score ") and "evidence " in section["score"] and "hub penalty " in section["score"]
        assert f"specificity {parts['specificity']:g}" in section["score"]
        assert ("Ranked down" in section["score"]) == any(parts["tiers"].values())
        if record["narrower_therapy"]:
            assert section["narrower"] is not None
            assert G.nodes[record["narrower_therapy"]]["label_en"] in section["narrower"]
            assert f"asked: {G.nodes[THERAPY]['label_en']}" in section["narrower"]
            assert "starts from a narrower therapy" in section["score"]
        else:
            assert section["narrower"] is None
    session.page.click("#panel > button.show-path")  # show all paths: the panel keeps its numbering
    assert [s["number"] for s in _sections(session)] == [str(r["number"]) for r in records]
    session.page.click('#lang-switch [data-lang="zh-Hant"]')
    text = session.panel_text()
    assert "路徑 1" in text and "屬於（上位概念）" in text and "依據已標記的陳述" in text and "關於其他疾病的陳述" in text
    assert "從較窄（下位）的療法開始" in text and "評分" in text and "排名下調" in text
    session.close()


def test_a_path_answer_opens_with_its_steps(tmp_path: Path, browser: Any, packaged_built: Any) -> None:
    """`mechkg path --format html` highlights the answer's own paths: numbered, is-a steps listed, scores explained."""
    G = packaged_built.network
    result = mechanism_paths(G, THERAPY, DISEASE, k=3)
    target = tmp_path / "answer.html"
    write_explorer(G, target, highlight_paths=result.paths)
    session = Session(browser, target)
    shown = _sections(session)
    assert [s["number"] for s in shown] == ["1", "2", "3"]
    assert [len(s["steps"]) for s in shown] == [len(p.hops) for p in result.paths]
    assert [sum(x["isA"] for x in s["steps"]) for s in shown] == [
        sum(h.predicate == "broader" for h in p.hops) for p in result.paths
    ]
    session.close()
