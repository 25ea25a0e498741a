"""Every code example of the documentation runs, against the built-in emulators.

What is collected:

* each ``docs/**/*.md`` page that holds at least one fenced ```` ```python ```` (or ```` ```py ````)
  block: **one test per page**; its blocks run in order, in one namespace, so a block may use
  what an earlier block of the same page defined;
* each ``examples/*.py`` script, run as ``__main__``.

How they run: in a fresh temporary working directory, with sockets disabled like every test
(pages use the emulators in-process), warnings turned into errors, and the environment variable
``DEMAT_SHARED`` pointing to the reference material (``../shared``) so that a page can read the
official samples: ``Path(os.environ["DEMAT_SHARED"]) / "reference" / "pes-v2" / "examples"``.
A failing block reports the page and the line of the Markdown file.

Two HTML comments, placed on the line just before a fence, change what happens to it:

* ``<!-- no-run: <reason> -->`` before a ```` ```python ```` block: the block is not run. Only for
  what needs real credentials or the real platforms (production snippets); the reason is
  mandatory, and a page whose every block is opted out fails.
* ``<!-- output -->`` before a ```` ```text ```` block: that block is what the Python blocks
  printed since the previous output check (compared line by line, trailing spaces ignored).

``pycon`` blocks (``>>>`` prompts) are refused: write ```` ```python ```` with ``print``.

A page that starts a local server (the emulators' HTTP face) says so with a line
``<!-- local-server -->`` anywhere in it: its test is marked ``server`` and may open sockets to
the loopback addresses only.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import runpy
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests_support import SHARED, XSD_DIR

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
SHARED_ENV = "DEMAT_SHARED"
XSD_ENV = "DEMAT_PES_XSD_DIR"

PYTHON_LANGS = frozenset({"python", "py", "python3"})
REFUSED_LANGS = frozenset({"pycon", "python-console"})

LOCAL_SERVER = "<!-- local-server -->"
LOOPBACK = ["127.0.0.1", "::1"]

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")
_COMMENT = re.compile(r"^\s*<!--\s*(?P<body>.*?)\s*-->\s*$")
_LANG = re.compile(r"^\{?\s*\.?(?P<lang>[\w+-]+)")


class ExamplesSyntaxError(ValueError):
    """A page breaks the conventions of its examples (unclosed fence, no-run without reason…)."""


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page that the runner cares about."""

    kind: str  # "python" (run it) or "output" (compare with what was printed)
    code: str
    line: int  # line of the first line of code in the Markdown file (1-based)
    no_run: str | None = None  # the reason, when the block is opted out


def parse_blocks(text: str, source: str) -> list[Block]:
    """The Python and expected-output blocks of a Markdown text, in order.

    Raises:
        ExamplesSyntaxError: naming ``source`` and the line of the fault.
    """
    lines = text.splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines):
            closing = _FENCE.match(lines[index])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            body.append(_dedent(lines[index], indent))
            index += 1
        else:
            raise ExamplesSyntaxError(f"{source}:{start + 1}: code block never closed")
        index += 1
        lang_match = _LANG.match(info)
        lang = lang_match["lang"].lower() if lang_match else ""
        directive = _directive_before(lines, start)
        code = "\n".join(body) + "\n"
        if lang in REFUSED_LANGS:
            raise ExamplesSyntaxError(
                f"{source}:{start + 1}: ```{lang} blocks are not run; write ```python with print()"
            )
        if lang in PYTHON_LANGS:
            reason = None
            if directive is not None and directive.startswith("no-run"):
                reason = directive.removeprefix("no-run").lstrip(":").strip()
                if not reason:
                    raise ExamplesSyntaxError(
                        f"{source}:{start}: <!-- no-run: ... --> needs a reason"
                    )
            elif directive == "output":
                raise ExamplesSyntaxError(
                    f"{source}:{start}: <!-- output --> must precede a ```text block"
                )
            blocks.append(Block("python", code, start + 2, reason))
        elif directive == "output":
            if lang != "text":
                raise ExamplesSyntaxError(
                    f"{source}:{start}: <!-- output --> must precede a ```text block"
                )
            blocks.append(Block("output", code, start + 2))
        elif directive is not None and directive.startswith("no-run"):
            raise ExamplesSyntaxError(
                f"{source}:{start}: <!-- no-run --> only applies to ```python blocks"
            )
    return blocks


def _dedent(line: str, indent: str) -> str:
    return line[len(indent) :] if line.startswith(indent) else line.lstrip()


def _directive_before(lines: list[str], fence_index: int) -> str | None:
    """The ``no-run``/``output`` comment on the line just before a fence, if there is one."""
    if fence_index == 0:
        return None
    match = _COMMENT.match(lines[fence_index - 1])
    if match is None:
        return None
    body = match["body"]
    return body if body == "output" or body.startswith("no-run") else None


def run_page(path: Path, source: str) -> None:
    """Run the blocks of a page in order, in one namespace, checking the expected outputs."""
    blocks = parse_blocks(path.read_text("utf-8"), source)
    runnable = [block for block in blocks if block.kind == "python" and block.no_run is None]
    if not runnable:
        raise AssertionError(f"{source}: every Python block is opted out with no-run")
    namespace: dict[str, object] = {"__name__": "__main__"}
    printed = io.StringIO()
    for block in blocks:
        if block.kind == "output":
            _check_output(printed.getvalue(), block, source)
            printed = io.StringIO()
        elif block.no_run is None:
            # Blank lines in front keep the line numbers of the Markdown file in tracebacks.
            code = compile("\n" * (block.line - 1) + block.code, str(path), "exec")
            with contextlib.redirect_stdout(printed):
                exec(code, namespace)  # noqa: S102 - running the documentation is the point


def _check_output(printed: str, block: Block, source: str) -> None:
    got = [line.rstrip() for line in printed.rstrip("\n").splitlines()]
    expected = [line.rstrip() for line in block.code.rstrip("\n").splitlines()]
    assert got == expected, (
        f"{source}:{block.line}: the output shown differs from what the code printed\n"
        f"--- shown\n" + "\n".join(expected) + "\n--- printed\n" + "\n".join(got)
    )


def doc_pages() -> list[Path]:
    """The pages of ``docs/`` that contain Python blocks (opted out or not)."""
    return [
        page
        for page in sorted(DOCS.rglob("*.md"))
        if any(
            block.kind == "python"
            for block in parse_blocks(page.read_text("utf-8"), _relative(page))
        )
    ]


def page_marks(text: str) -> list[pytest.MarkDecorator]:
    """The marks of a page's test: a page running a local server may reach the loopback only."""
    if any(line.strip() == LOCAL_SERVER for line in text.splitlines()):
        return [pytest.mark.server, pytest.mark.allow_hosts(LOOPBACK)]
    return []


def _page_params() -> list[object]:
    return [
        pytest.param(page, marks=page_marks(page.read_text("utf-8")), id=_relative(page))
        for page in doc_pages()
    ]


def example_scripts() -> list[Path]:
    """The scripts of ``examples/``."""
    return sorted(EXAMPLES.glob("*.py"))


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


EXAMPLE_OUTPUTS = {
    "deposer_flux_et_attendre.py": [
        "État du flux : IN_INTEGRE",
        "  facture PHX-2026-0042 créée : id 9100001, 84.00 EUR TTC, pour CHU DE VALMONT",
    ],
    "traiter_factures_recues.py": [
        "CHU DE VALMONT (26130001600019)",
        "  PHX-2026-0101 de PHARMADIS SAS, 72.00 € TTC : SERVICE_FAIT",
        "  PHX-2026-0102 de PHARMADIS SAS, 115.20 € TTC : SUSPENDUE",
    ],
    "flux_mandats_avec_pj.py": [
        "PESALR2_26380000500005_250331_001.xml : valide (règles du modèle et XSD)",
        "  bordereau 421 : 2 mandats, 1250.50 € HT, 250.10 € de TVA",
        "  2 PJ : F3017.pdf, F3018.pdf",
    ],
}
"""Lines some scripts of ``examples/`` must print (what their docstring promises)."""


@pytest.fixture
def example_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory, ``DEMAT_SHARED`` and ``DEMAT_PES_XSD_DIR`` (the v5.17 set)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(SHARED_ENV, str(SHARED))
    monkeypatch.setenv(XSD_ENV, str(XSD_DIR))
    for variable in [name for name in os.environ if name.startswith("DEMAT_")]:
        if variable not in (SHARED_ENV, XSD_ENV):
            monkeypatch.delenv(variable)  # credentials of the developer never leak into a page
    return tmp_path


@pytest.mark.parametrize("page", _page_params())
def test_page_examples_run(page: Path, example_environment: Path) -> None:
    run_page(page, _relative(page))


@pytest.mark.parametrize("script", example_scripts(), ids=_relative)
def test_example_script_runs(
    script: Path, example_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exit_code: object = None
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as leaving:
        exit_code = leaving.code
    assert exit_code in (None, 0), f"{_relative(script)} exited with {exit_code!r}"
    printed = capsys.readouterr().out
    assert printed, f"{_relative(script)} printed nothing"
    for line in EXAMPLE_OUTPUTS.get(script.name, ()):
        assert line in printed.splitlines(), f"{_relative(script)} did not print {line!r}"


@pytest.mark.parametrize("script", example_scripts(), ids=_relative)
def test_each_example_says_what_it_shows_and_how_to_run_it(script: Path) -> None:
    docstring = ast.get_docstring(ast.parse(script.read_text("utf-8")))
    assert docstring, f"{_relative(script)} has no docstring"
    assert f"python examples/{script.name}" in docstring


# --- the runner itself -----------------------------------------------------------------------


def test_the_runner_finds_the_documentation() -> None:
    pages = {_relative(page) for page in doc_pages()}
    assert "docs/demarrer.md" in pages
    assert "examples/premier_appel.py" in {_relative(script) for script in example_scripts()}


def test_blocks_keep_order_language_and_markdown_line() -> None:
    text = (
        "# Titre\n"
        "\n"
        '```python title="a.py"\n'
        "x = 1\n"
        "```\n"
        "```sh\n"
        "pip install demat_sdk\n"
        "```\n"
        '=== "Onglet"\n'
        "\n"
        "    ```py\n"
        "    print(x)\n"
        "    ```\n"
        "<!-- output -->\n"
        "```text\n"
        "1\n"
        "```\n"
    )
    blocks = parse_blocks(text, "page.md")
    assert [(block.kind, block.code, block.line) for block in blocks] == [
        ("python", "x = 1\n", 4),
        ("python", "print(x)\n", 12),
        ("output", "1\n", 16),
    ]


def test_no_run_needs_a_reason() -> None:
    with pytest.raises(ExamplesSyntaxError, match=r"page.md:1: .*needs a reason"):
        parse_blocks("<!-- no-run -->\n```python\nx = 1\n```\n", "page.md")
    blocks = parse_blocks("<!-- no-run: real PISTE account -->\n```python\nx\n```\n", "page.md")
    assert blocks[0].no_run == "real PISTE account"


def test_a_page_with_only_opted_out_blocks_fails(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("<!-- no-run: production -->\n```python\nraise SystemExit(1)\n```\n")
    with pytest.raises(AssertionError, match="every Python block is opted out"):
        run_page(page, "page.md")


def test_an_unclosed_fence_or_a_pycon_block_is_refused() -> None:
    with pytest.raises(ExamplesSyntaxError, match=r"page.md:2: code block never closed"):
        parse_blocks("texte\n```python\nx = 1\n", "page.md")
    with pytest.raises(ExamplesSyntaxError, match=r"```pycon blocks are not run"):
        parse_blocks("```pycon\n>>> 1\n```\n", "page.md")


def test_blocks_share_a_namespace_and_outputs_are_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```python\ntotal = 40\n```\n\n```python\nprint(total + 2)\n```\n"
        "<!-- output -->\n```text\n42\n```\n"
    )
    run_page(page, "page.md")
    page.write_text("```python\nprint('41')\n```\n<!-- output -->\n```text\n42\n```\n")
    with pytest.raises(AssertionError, match=r"page.md:6: the output shown differs"):
        run_page(page, "page.md")


def test_a_failing_block_points_at_the_markdown_line(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Titre\n\n```python\nx = 1\nraise RuntimeError('boom')\n```\n")
    with pytest.raises(RuntimeError, match="boom") as raised:
        run_page(page, "page.md")
    frame = raised.traceback[-1]
    assert (Path(str(frame.path)).name, frame.lineno + 1) == ("page.md", 5)


def test_a_page_that_starts_a_server_may_reach_the_loopback_only() -> None:
    marks = page_marks("# Guide\n\n<!-- local-server -->\n")
    assert [(mark.name, mark.args) for mark in marks] == [
        ("server", ()),
        ("allow_hosts", (LOOPBACK,)),
    ]
    assert page_marks("# Page\n\nTexte sur <!-- local-server --> en ligne.\n") == []
