"""Render: the self-contained, offline explorer page."""
