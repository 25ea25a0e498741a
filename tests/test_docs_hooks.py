"""The MkDocs hooks of the documentation (``docs/hooks/demat_docs.py``), without MkDocs."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

HOOKS = Path(__file__).resolve().parents[1] / "docs" / "hooks" / "demat_docs.py"


@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demat_docs_hooks", HOOKS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "index.md").write_text("# Guides\n\n<!-- demat:guides -->\n")
    (guides / "recevoir-factures.md").write_text("# Recevoir les factures\n\nTexte.\n")
    (guides / "emettre-asap.md").write_text("# Émettre un ASAP\n")
    return tmp_path


def test_unlisted_guides_are_appended_to_the_guides_section(
    hooks: ModuleType, docs_dir: Path
) -> None:
    nav = [
        {"Démarrer": ["index.md"]},
        {"Guides": ["guides/index.md", {"Recevoir": "guides/recevoir-factures.md"}]},
    ]
    hooks.on_config(SimpleNamespace(nav=nav, docs_dir=str(docs_dir)))
    assert nav[1]["Guides"] == [
        "guides/index.md",
        {"Recevoir": "guides/recevoir-factures.md"},
        "guides/emettre-asap.md",
    ]


def test_the_guides_marker_lists_the_guides_with_their_titles(
    hooks: ModuleType, docs_dir: Path
) -> None:
    page = (docs_dir / "guides" / "index.md").read_text()
    config = SimpleNamespace(docs_dir=str(docs_dir))
    rendered = hooks.on_page_markdown(page, page=None, config=config, files=None)
    assert rendered == (
        "# Guides\n\n"
        "* [Émettre un ASAP](emettre-asap.md)\n"
        "* [Recevoir les factures](recevoir-factures.md)\n\n"
    )


def test_without_guides_the_marker_says_so(hooks: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "guides").mkdir()
    assert "Aucun guide publié" in hooks.guides_list(tmp_path)


def test_the_pes_tag_table_is_rendered_from_the_models_rows(hooks: ModuleType) -> None:
    rows = [("Bordereau/BlocBordereau/IdBord", "BordereauDepense.numero", "entier | 7", "1..1")]
    assert hooks.pes_tag_table(rows) == (
        "| Balise PES | Nom Python | Type | Occurrences |\n"
        "|---|---|---|---|\n"
        "| `Bordereau/BlocBordereau/IdBord` | `BordereauDepense.numero` | "
        "<code>entier &#124; 7</code> | 1..1 |\n"
    )


def test_the_pes_tag_table_covers_the_models(hooks: ModuleType) -> None:
    table = hooks.pes_tag_table(hooks._pes_rows())
    assert "`BordereauDepense.numero`" in table
    assert table.count("\n") > 300
