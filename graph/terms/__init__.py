"""Terms: the MechKG vocabulary, the ontology's predicates and classes, CURIEs and Biolink alignments."""
