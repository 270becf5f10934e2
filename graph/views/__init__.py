"""Views: the one JSON shape of entities, claims, studies and paths, used by the CLI, server, page and exports."""
