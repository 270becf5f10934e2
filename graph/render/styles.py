"""How the page draws the graph: a colour and shape per entity class, a colour and arrow head per sign.

The class names are the ontology's (their labels come from ``G.graph["classes"]``); the legend
lists the classes in the order of :data:`CLASS_STYLES`, and classes it does not know, drawn as
:data:`OTHER_CLASS`, after them.

>>> CLASS_STYLES["Disease"]
ClassStyle(color='#d62728', shape='diamond')
>>> SIGN_STYLES[-1]["arrow"]
'bar'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["CLASS_STYLES", "FONT_SIZES", "OTHER_CLASS", "SIGN_STYLES", "ClassStyle", "class_style"]


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """How nodes of one entity class look (their names come from the ontology, via ``G.graph["classes"]``)."""

    color: str
    shape: str  # a vis-network shape whose label sits outside it, so ``size`` applies


#: Colour and shape of each entity class, in legend order.
CLASS_STYLES: Mapping[str, ClassStyle] = {
    "Disease": ClassStyle("#d62728", "diamond"),
    "Phenotype": ClassStyle("#ff9896", "triangleDown"),
    "CellType": ClassStyle("#1f77b4", "dot"),
    "GeneProduct": ClassStyle("#ff7f0e", "dot"),
    "ProteinFamilyOrComplex": ClassStyle("#ffbb78", "hexagon"),
    "MicroRNA": ClassStyle("#9467bd", "triangle"),
    "LncRNA": ClassStyle("#c5b0d5", "triangle"),
    "BiologicalProcess": ClassStyle("#17becf", "square"),
    "Pathway": ClassStyle("#9edae5", "square"),
    "ExtracellularVesicle": ClassStyle("#aec7e8", "hexagon"),
    "Therapy": ClassStyle("#2ca02c", "star"),
    "Drug": ClassStyle("#98df8a", "star"),
    "ChemicalEntity": ClassStyle("#bcbd22", "triangle"),
    "ClinicalStudy": ClassStyle("#8c564b", "square"),
    "ClinicalMeasure": ClassStyle("#c49c94", "triangleDown"),
    "AnatomicalEntity": ClassStyle("#e377c2", "hexagon"),
    "Exposure": ClassStyle("#7f7f7f", "diamond"),
    "OrganismTaxon": ClassStyle("#f7b6d2", "dot"),
}

#: The look of a class that :data:`CLASS_STYLES` does not list.
OTHER_CLASS = ClassStyle("#c7c7c7", "dot")

#: Label sizes that differ from the default 14 px: disease and therapy names stay legible when
#: the whole graph is in view.
FONT_SIZES: Mapping[str, int] = {"Disease": 34, "Therapy": 22}

#: Edge colour and arrow head by sign: +1 green arrow, -1 red bar (inhibition), 0 grey arrow.
SIGN_STYLES: Mapping[int, dict[str, str]] = {
    1: {"color": "#1a9641", "arrow": "arrow", "label_en": "positive (+1)", "label_zh": "正向 (+1)"},
    -1: {"color": "#d7191c", "arrow": "bar", "label_en": "negative (−1)", "label_zh": "負向 (−1)"},
    0: {"color": "#8a8a8a", "arrow": "arrow", "label_en": "unsigned (0)", "label_zh": "無方向 (0)"},
}


def class_style(name: str) -> ClassStyle:
    """The look of the class ``name``, :data:`OTHER_CLASS` for a class without its own.

    >>> class_style("Therapy").shape, class_style("NoSuchClass") == OTHER_CLASS
    ('star', True)
    """
    return CLASS_STYLES.get(name, OTHER_CLASS)
