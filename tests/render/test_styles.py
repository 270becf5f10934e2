"""Colours and shapes (graph/render/styles.py): every class of the curation has its own look."""

from __future__ import annotations

from mechkg.ingest.model import ENTITY_CLASSES
from mechkg.render.styles import CLASS_STYLES, OTHER_CLASS, SIGN_STYLES, class_style


def test_every_entity_class_has_its_own_look() -> None:
    assert set(CLASS_STYLES) == {*ENTITY_CLASSES, "ClinicalStudy"}
    colours = [style.color for style in CLASS_STYLES.values()]
    assert len(set(colours)) == len(colours) and OTHER_CLASS.color not in colours
    assert class_style("Unheard") == OTHER_CLASS


def test_each_sign_has_its_own_colour_and_labels() -> None:
    assert sorted(SIGN_STYLES) == [-1, 0, 1]
    assert len({s["color"] for s in SIGN_STYLES.values()}) == 3
    assert all(s["label_en"] and s["label_zh"] for s in SIGN_STYLES.values())
