"""MechKG: an evidence-backed, bilingual knowledge graph of stem-cell mechanisms in autoimmune disease."""
