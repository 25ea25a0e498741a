"""Development sessions: ``nox -s tests`` (what CI runs), ``nox -s lint``, ``nox -s docs``,
``nox -s bench``."""

import nox

nox.options.sessions = ["tests", "lint"]
nox.options.default_venv_backend = "venv"


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (sockets disabled except where a test starts its own server)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) and mypy --strict on the library."""
    session.install("-e", ".[lint]")
    paths = ["src", "tests", "benchmarks", "examples", "docs/hooks", "noxfile.py"]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)
    session.run("mypy", "src")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into ``site/`` in strict mode: any warning fails the build.

    A broken link or anchor, a docstring mkdocstrings cannot render or a missing include fails
    it. The code examples of the pages run in ``nox -s tests``.
    """
    session.install("-e", ".[docs]")
    session.env["NO_MKDOCS_2_WARNING"] = "1"
    session.run("mkdocs", "build", "--strict", "--clean", "--site-dir", "site", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Run the benchmarks (``python -m benchmarks``); arguments go to the runner.

    ``nox -s bench -- chorus --quick`` runs one topic on small inputs; ``nox -s bench -- --json
    results.json`` also writes every figure to a file. Not part of the default sessions.
    """
    session.install("-e", ".[bench]")
    session.run("python", "-m", "benchmarks", *session.posargs)
