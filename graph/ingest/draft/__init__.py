"""Drafting a new source: mentions of known entities and lexicon terms -> a draft curation folder."""
