"""Paths: signed, ranked, explained mechanism paths from a therapy to a disease."""
