"""Ingest: curation YAML -> checked, typed records (with file:line messages for every problem)."""
