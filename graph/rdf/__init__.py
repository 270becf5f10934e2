"""RDF: records -> an rdflib graph (truthy triples and reified claims), its Turtle, its SHACL check."""
