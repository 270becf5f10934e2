"""Query: checked SPARQL, named queries, stores (rdflib, Oxigraph, remote endpoints) and a bounded worker pool."""
