"""A clinical study's numbers as JSON (the ``properties`` of a study in every output).

Texts that the study does not report are left out, as are a missing year and size; arms and
figures are always lists.
"""

from __future__ import annotations

from typing import Any

from mechkg.network.evidence import Arm, Figure, Study

__all__ = ["arm_json", "figure_json", "study_json"]

_TEXTS = ("design", "phase", "journal", "registry", "institution", "country", "population", "route", "dose", "follow_up")


def arm_json(arm: Arm) -> dict[str, Any]:
    """One arm: ``{"id", "label", "n", "intervention", "quote"}``."""
    return {"id": arm.id, "label": arm.label, "n": arm.n, "intervention": arm.intervention, "quote": arm.quote}


def figure_json(figure: Figure) -> dict[str, Any]:
    """One reported number and the claim that states it."""
    return {
        "id": figure.id,
        "measure": figure.measure,
        "value": figure.value,
        "unit": figure.unit,
        "timepoint": figure.timepoint,
        "direction": figure.direction,
        "quote": figure.quote,
        "claim": figure.claim,
    }


def study_json(study: Study) -> dict[str, Any]:
    """The study's reported texts and numbers, its quote, arms and figures."""
    data: dict[str, Any] = {key: getattr(study, key) for key in _TEXTS if getattr(study, key)}
    if study.year is not None:
        data["year"] = study.year
    if study.n is not None:
        data["n"] = study.n
    data["quote"] = study.quote
    data["arms"] = [arm_json(a) for a in study.arms]
    data["figures"] = [figure_json(f) for f in study.figures]
    return data
