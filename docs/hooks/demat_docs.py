"""MkDocs hooks of the demat_sdk documentation (declared in ``mkdocs.yml``).

* Every page under ``docs/guides/`` is in the navigation: the ones ``mkdocs.yml`` does not list
  are appended to the "Guides" section, so a new guide is never orphaned.
* ``<!-- demat:guides -->`` in a page becomes the list of the guides, with their titles.
* ``<!-- demat:pes-tag-table -->`` becomes the table "PES tag ↔ Python name", generated from the
  PES models by ``demat_sdk.pes.tag_table(PesAller)``: element path, Python name, type and
  occurrences.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.demat_docs")

GUIDES_SECTION = "Guides"
GUIDES_DIR = "guides"
GUIDES_MARKER = "<!-- demat:guides -->"
TAG_TABLE_MARKER = "<!-- demat:pes-tag-table -->"

_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


# --- navigation ------------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    """Append the guides that the navigation does not list to its "Guides" section."""
    nav = config.nav
    if not nav:
        return config
    section = _find_section(nav, GUIDES_SECTION)
    if section is None:
        log.warning("mkdocs.yml: the nav has no %r section for the guides", GUIDES_SECTION)
        return config
    listed = set(_nav_paths(nav))
    for path in guide_pages(Path(config.docs_dir)):
        if path not in listed:
            section.append(path)
            log.info("guide %s added to the %r section of the nav", path, GUIDES_SECTION)
    return config


def guide_pages(docs_dir: Path) -> list[str]:
    """The guide pages (``guides/*.md`` except the section index), as nav paths, sorted."""
    folder = docs_dir / GUIDES_DIR
    return sorted(
        f"{GUIDES_DIR}/{page.name}" for page in folder.glob("*.md") if page.name != "index.md"
    )


def _find_section(items: Sequence[Any], title: str) -> list[Any] | None:
    for item in items:
        if isinstance(item, dict):
            for key, value in item.items():
                if key == title and isinstance(value, list):
                    return value
                if isinstance(value, list):
                    found = _find_section(value, title)
                    if found is not None:
                        return found
    return None


def _nav_paths(items: Iterable[Any]) -> Iterable[str]:
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _nav_paths(value)


# --- generated content -----------------------------------------------------------------------


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the markers of generated content in a page."""
    if GUIDES_MARKER in markdown:
        markdown = markdown.replace(GUIDES_MARKER, guides_list(Path(config.docs_dir)))
    if TAG_TABLE_MARKER in markdown:
        markdown = markdown.replace(TAG_TABLE_MARKER, pes_tag_table(_pes_rows()))
    return markdown


def guides_list(docs_dir: Path) -> str:
    """A Markdown list of the guides with their titles, links relative to ``guides/index.md``."""
    items = []
    for path in guide_pages(docs_dir):
        text = (docs_dir / path).read_text("utf-8")
        match = _TITLE.search(text)
        title = match.group(1) if match else Path(path).stem
        items.append(f"* [{title}]({Path(path).name})")
    if not items:
        return (
            '!!! note "Aucun guide publié pour l\'instant"\n\n'
            "    Les guides pratiques accompagnent les fonctions qu'ils décrivent et paraissent\n"
            "    avec elles. En attendant, [Premiers pas](../demarrer.md) et les\n"
            "    [Concepts](../concepts/index.md) couvrent ce qui est disponible.\n"
        )
    return "\n".join(items) + "\n"


def pes_tag_table(rows: Iterable[Sequence[str]]) -> str:
    """The Markdown table "PES tag ↔ Python name" from ``demat_sdk.pes.tag_table`` rows."""
    lines = ["| Balise PES | Nom Python | Type | Occurrences |", "|---|---|---|---|"]
    for row in rows:
        tag, name, kind, occurs = (str(cell) for cell in row)
        lines.append(f"| `{tag}` | `{name}` | {_code(kind)} | {occurs} |")
    return "\n".join(lines) + "\n"


def _pes_rows() -> list[tuple[str, str, str, str]]:
    from demat_sdk import pes

    return pes.tag_table(pes.PesAller)


def _code(text: str) -> str:
    """Text as inline code in a table cell, safe from Markdown: ``[0-9]`` is not a link."""
    escaped = html.escape(" ".join(text.split())).replace("|", "&#124;").replace("[", "&#91;")
    return f"<code>{escaped}</code>"
