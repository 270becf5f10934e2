"""Export: Turtle, N-Triples, JSON-LD, KGX, GraphML, Cytoscape.js, Neo4j CSV and the paths file."""
