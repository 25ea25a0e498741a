"""The reference pages of the documentation follow the code: they cannot drift from it.

* The tree of ``docs/erreurs.md`` is the class hierarchy of ``demat_sdk.errors``, and its table
  has one row per class with the attributes the class's docstring documents.
* The tree drawn in the docstring of ``demat_sdk.errors`` is that hierarchy too, and every
  error class the module defines is in its ``__all__`` (so the checks above see it).
* Every public name of ``demat_sdk`` is rendered by a ``:::`` directive of ``docs/reference``,
  and so is every public package of the library (the command line aside).
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import demat_sdk
from demat_sdk import errors

ROOT = Path(__file__).resolve().parents[1]
ERRORS_PAGE = ROOT / "docs" / "erreurs.md"
REFERENCE_DIR = ROOT / "docs" / "reference"

_CODE = re.compile(r"`([^`]+)`")


def error_table() -> dict[str, set[str]]:
    """Rows of the error table: class name -> attribute names."""
    rows: dict[str, set[str]] = {}
    in_table = False
    for line in ERRORS_PAGE.read_text("utf-8").splitlines():
        if line.startswith("| Exception |"):
            in_table = True
            continue
        if in_table and not line.startswith("|"):
            break
        if not in_table or line.startswith("|---"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        assert len(cells) == 4, f"erreurs.md: a row of the table has {len(cells)} cells: {line}"
        name, _when, attributes, _what = cells
        assert name.strip("`") not in rows, f"erreurs.md: {name} has two rows"
        rows[name.strip("`")] = set(_CODE.findall(attributes))
    return rows


def error_tree() -> dict[str, str | None]:
    """The tree drawn at the top of the page: class name -> parent name (``None`` at the root)."""
    text = ERRORS_PAGE.read_text("utf-8")
    block = re.search(r"^```text\n(DematError\n.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert block is not None, "erreurs.md: the tree of the errors is missing"
    parents: dict[str, str | None] = {}
    chain: list[str] = []
    for line in block.group(1).splitlines():
        match = re.match(r"^((?:[│ ]   )*)(?:[├└]── )?(\w+)$", line)
        assert match is not None, f"erreurs.md: unreadable line in the tree: {line!r}"
        depth = len(match.group(1)) // 4 + (1 if "── " in line else 0)
        del chain[depth:]
        parents[match.group(2)] = chain[-1] if chain else None
        chain.append(match.group(2))
    return parents


def documented_attributes(cls: type) -> set[str]:
    """Names listed in the ``Attributes:`` section of a class's own docstring."""
    doc = inspect.getdoc(cls) or ""
    section = re.search(r"^Attributes:\n((?:[ ]{4}.*\n?|\n)+)", doc, re.MULTILINE)
    if section is None:
        return set()
    return set(re.findall(r"^[ ]{4}(\w+):", section.group(1), re.MULTILINE))


def test_the_error_table_lists_every_error_class_once() -> None:
    assert set(error_table()) == set(errors.__all__)


def test_the_error_table_gives_the_documented_attributes() -> None:
    for name, attributes in error_table().items():
        assert attributes == documented_attributes(getattr(errors, name)), (
            f"erreurs.md: attributes of {name}"
        )


@pytest.mark.parametrize("drawn", ["docs/erreurs.md", "demat_sdk.errors"])
def test_the_error_tree_is_the_class_hierarchy(drawn: str) -> None:
    tree = error_tree() if drawn == "docs/erreurs.md" else module_tree()
    assert set(tree) == set(errors.__all__)
    for name, parent in tree.items():
        base = getattr(errors, name).__bases__[0]
        assert parent == (None if base is Exception else base.__name__), f"parent of {name}"


def test_documented_attributes_reads_the_docstrings() -> None:
    assert documented_attributes(errors.ChorusBusinessError) == {
        "code_retour",
        "libelle",
        "operation",
        "status_code",
    }
    assert documented_attributes(errors.ConnectError) == set()


def rendered_names() -> set[str]:
    """Dotted names that the ``:::`` directives of the reference pages render."""
    names: set[str] = set()
    pages = [*REFERENCE_DIR.glob("*.md"), ERRORS_PAGE]
    for page in pages:
        lines = page.read_text("utf-8").splitlines()
        for index, line in enumerate(lines):
            directive = re.match(r"^::: ([\w.]+)\s*$", line)
            if directive is None:
                continue
            target = directive.group(1)
            members = _listed_members(lines[index + 1 :])
            if members is None:
                names.add(target)
            else:
                names.update(f"{target}.{member}" for member in members)
    return names


def _listed_members(options: list[str]) -> list[str] | None:
    """The ``members:`` list under a directive, or ``None`` when it renders every member."""
    members: list[str] | None = None
    for line in options:
        if not line.startswith("    "):
            break
        if line.strip() == "members:":
            members = []
        elif members is not None and line.strip().startswith("- "):
            members.append(line.strip()[2:])
        elif members is not None:
            break
    return members


def test_every_public_name_is_in_the_api_reference() -> None:
    rendered = rendered_names()
    missing = []
    for name in demat_sdk.__all__:
        if name.startswith("__"):
            continue
        module = getattr(demat_sdk, name).__module__
        if not {f"demat_sdk.{name}", module, f"{module}.{name}"} & rendered:
            missing.append(name)
    assert not missing, f"public names missing from docs/reference: {missing}"


def test_every_public_package_has_a_reference_page() -> None:
    rendered = rendered_names()
    packages = sorted(
        f"demat_sdk.{path.stem}"
        for path in Path(demat_sdk.__file__).parent.iterdir()
        if not path.name.startswith("_")
        and path.name != "cli"
        and (path.suffix == ".py" or (path / "__init__.py").exists())
    )
    missing = [
        package
        for package in packages
        if not any(name == package or name.startswith(f"{package}.") for name in rendered)
    ]
    assert not missing, f"packages without a reference page: {missing}"


def module_tree() -> dict[str, str | None]:
    """The tree drawn in the docstring of ``demat_sdk.errors``: class name -> parent name."""
    lines = (errors.__doc__ or "").splitlines()
    start = lines.index("    DematError")
    parents: dict[str, str | None] = {"DematError": None}
    chain = ["DematError"]
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        match = re.match(r"^    ((?:[│ ]   )*)[├└]── (\w+)(?:\s|$)", line)
        if match is None:
            continue  # a line continuing the description of the class above
        depth = len(match.group(1)) // 4 + 1
        del chain[depth:]
        parents[match.group(2)] = chain[-1]
        chain.append(match.group(2))
    return parents


def test_every_error_class_of_the_module_is_exported() -> None:
    defined = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value)
        and issubclass(value, errors.DematError)
        and value.__module__ == errors.__name__
    }
    assert defined == set(errors.__all__)


def test_every_error_is_importable_from_the_package_root() -> None:
    # ``from demat_sdk import ChannelError`` works like ``from demat_sdk import PesReadError``.
    assert set(errors.__all__) <= set(demat_sdk.__all__)
