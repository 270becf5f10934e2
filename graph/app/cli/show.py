"""``mechkg show``: one entity and every claim about it, from the compiled graph."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mechkg.app.cli.group import compiled_graph, curation_options, main, reported, resolved

__all__ = ["show"]


@main.command()
@curation_options
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(curation: Path, name: str, fmt: str) -> None:
    """Show one entity and every claim about it (as subject or object).

    NAME is an id, a label or a synonym, in English or Chinese (Traditional or Simplified),
    case-, hyphen- and space-insensitive, or a clearly nearest spelling (said on stderr). An
    unknown or ambiguous name exits with 2 and lists the closest candidates.

    \b
    Examples:
      mechkg show SLE --format json
      mechkg show 系統性紅斑狼瘡
      mechkg show "regulatory T cell"
    """
    from mechkg.views.entity import entity_json, entity_text

    with reported("show"):
        network = compiled_graph(curation).network
        node = resolved(network, name)
    info = entity_json(network, node)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        click.echo(entity_text(info))
