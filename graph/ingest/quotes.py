"""Quotes and sections against the source text: a quote is an exact span, a section a heading of it.

Every quote (of a claim, a study, a study arm, a figure, an excuse) must be an exact substring of
its source's text, so that a reader can find it; one that matches only after normalising
punctuation, width or spaces gets a hint saying so. A ``section`` must be a heading of the
source (:func:`section_headings`). Sources whose text was not found are not checked here.

>>> sorted(section_headings("緒論\\n結論: 干細胞治療有效。\\n"))
['結論', '結論: 干細胞治療有效。', '緒論']
"""

from __future__ import annotations

import re
import unicodedata

from mechkg.ingest.catalog import Catalog
from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.model import Claim, Study

__all__ = ["check_quotes", "section_headings"]


def section_headings(text: str) -> set[str]:
    """Strings a record may give as its ``section``: whole lines, and line starts up to a colon."""
    headings: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if line:
            headings.add(line)
            if ":" in line:
                headings.add(line.split(":", 1)[0].strip())
    return headings


def check_quotes(catalog: Catalog, texts: dict[str, str], findings: Findings) -> None:
    """Check every quote and section of ``catalog`` against ``texts`` (source id -> full text)."""
    headings = {source_id: section_headings(text) for source_id, text in texts.items()}
    for record in (*catalog.claims.values(), *catalog.studies.values()):
        text = texts.get(record.source)
        if text is None:
            continue
        if record.section is None or record.quote is None:
            continue  # a claim without quote/section is reported by mechkg.ingest.primary
        if record.section.strip() not in headings[record.source]:
            findings.add(
                catalog.where(record.id, "section"),
                f"{record.section!r} is not a heading of the source; "
                "give a whole line of it, or the start of a line up to its colon",
            )
        for quote, place in _quotes(catalog, record):
            _check_quote(quote, text, place, findings)
    for excuse in catalog.excused:
        text = texts.get(excuse.record.source)
        if text is not None:
            _check_quote(excuse.record.quote, text, excuse.place("quote"), findings)


def _quotes(catalog: Catalog, record: Claim | Study) -> list[tuple[str, Place]]:
    """Each quote of a claim or a study (with its arms and figures), and where it is written."""
    quotes = [(record.quote or "", catalog.where(record.id, "quote"))]
    if isinstance(record, Study):
        quotes += [
            (arm.quote, catalog.where(record.id, "arms", number, "quote")) for number, arm in enumerate(record.arms) if arm.quote
        ]
        quotes += [
            (figure.quote, catalog.where(record.id, "figures", number, "quote")) for number, figure in enumerate(record.figures)
        ]
    return quotes


def _normalised(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _check_quote(quote: str, text: str, place: Place, findings: Findings) -> None:
    if quote in text:
        return
    hint = (
        "it matches only after normalising punctuation, width or spaces: copy the source's exact characters"
        if _normalised(quote) in _normalised(text)
        else "copy an exact span of the source text"
    )
    findings.add(place, f"quote is not an exact substring of the source: {quote!r}; {hint}")
