"""Network: RDF -> typed claims, studies and edges -> the NetworkX graph the later stages read."""
