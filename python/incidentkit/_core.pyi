"""Type stubs for the Rust extension module ``incidentkit._core``."""

import polars as pl

__version__: str

def parse_many(
    texts: list[str],
    published: list[str | None],
    doc_ids: list[str],
    threads: int | None = None,
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Parse documents in parallel with the GIL released.

    ``published`` holds ISO dates (``YYYY-MM-DD``) or None, one per text.
    ``threads`` sets the size of the parser's thread pool (default: one per
    core). Returns the incident frame and ``(doc_id, reason)`` for every
    document that could not be parsed.
    """

def empty_frame() -> pl.DataFrame:
    """The SPEC schema as an empty frame."""

def published_from_text(text: str) -> str | None:
    """The publication date a document states, as ``YYYY-MM-DD``: a leading
    ``" date YYYY-MM-DD "`` header line, else a full date alone on its first
    line; None when it states none."""
