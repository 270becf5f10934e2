"""``mechkg draft``: a new article -> a draft curation folder, for a curator to finish."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mechkg.app.cli.group import main, reported
from mechkg.resources import default_curation_dir

if TYPE_CHECKING:
    from mechkg.ingest.draft.proposal import Draft

__all__ = ["draft"]


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source-id", required=True, help="Id of the new source: lower-case letters, digits and '_' (e.g. smith2025).")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="New folder to write the draft curation into (refused if not empty).",
)
@click.option(
    "--curation",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_curation_dir,
    show_default="the curation shipped in the package",
    help="Curation whose entities count as known (their names are looked for in the article).",
)
@click.option(
    "--lexicons",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of reference lexicons (*.tsv) whose terms are proposed as new entities. "
    "[default: $MECHKG_LEXICONS, else shared/reference/lexicons beside the project; none: known entities only]",
)
@click.option("--force", is_flag=True, help="Replace --out if it holds a draft written before (and nothing else).")
def draft(article: Path, source_id: str, out: Path, curation: Path, lexicons: Path | None, force: bool) -> None:
    """Draft the curation of a new article (Chinese or English) in a new folder.

    The article is split into sentences as `mechkg coverage` splits them; names of known
    entities (any script: 幹細胞 and 干細胞, IL-6 and ＩＬ－６) and of lexicon terms are found in
    it. The draft holds the source record (with the article's SHA-256), the known entities it
    names, new entities proposed from lexicon terms with candidate groundings, and one skeleton
    claim per sentence that names two or more entities, quoting that sentence. Everything a
    curator must decide (predicate, statement, evidence, Chinese labels, which grounding) is
    left as null: `mechkg validate` lists it. Exit 2 for a bad article, id or output folder.

    \b
    Example:
      mechkg draft article.txt --source-id smith2025 --out drafts/smith2025
      mechkg validate --curation drafts/smith2025 --sources drafts/smith2025/sources
    """
    from mechkg.ingest.draft.proposal import DraftError, draft_records, read_article
    from mechkg.ingest.draft.writer import write_draft
    from mechkg.ingest.load import load_curation
    from mechkg.resources import find_lexicons_dir

    if lexicons is not None and not lexicons.is_dir():
        raise click.BadParameter(f"{lexicons} is not a folder", param_hint="--lexicons")
    folder = find_lexicons_dir(lexicons)
    if folder is not None and not folder.is_dir():
        folder = None
    try:
        raw, text = read_article(article)
        with reported("draft"):
            known = load_curation(curation)
        result = draft_records(text, raw, article.name, source_id, known, folder)
        written = write_draft(result, raw, article.name, out, force=force)
    except DraftError as error:
        click.echo(f"mechkg draft: {error}", err=True)
        sys.exit(2)
    _summary(result, article, out, written)


def _summary(result: Draft, article: Path, out: Path, written: list[str]) -> None:
    mentions = result.mentions
    known = [m for m in mentions if m.known]
    click.echo(f"drafted {out} from {article} ({result.source['language']}, {result.sentences} sentences)")
    click.echo(
        f"  mentions: {len(mentions)} ({len(known)} of {len({m.target for m in known})} known entities, "
        f"{len(mentions) - len(known)} of lexicon terms)"
    )
    proposed = f"{len(result.proposed)} proposed with {result.groundings} candidate groundings"
    click.echo(f"  entities: {len(result.known)} known (copied), {proposed}")
    click.echo(f"  skeleton claims: {len(result.claims)} (one per sentence naming two or more entities)")
    if result.lexicons is None:
        click.echo(
            "  lexicon matching skipped: no lexicons found (--lexicons DIR or $MECHKG_LEXICONS); only known entities proposed"
        )
    else:
        click.echo(f"  lexicons: {result.lexicons}")
    click.echo("  wrote " + ", ".join(written))
    click.echo(f"next: mechkg validate --curation {out} --sources {out}/sources   (lists what the draft still lacks)")
