"""The benchmarks stay importable and their runner parses its command line (nothing is measured).

The measurements themselves run with ``nox -s bench``; tests never assert timings.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(path.stem for path in (ROOT / "benchmarks").glob("bench_*.py"))


@pytest.fixture(autouse=True)
def _project_root_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))


@pytest.mark.parametrize("name", MODULES)
def test_every_benchmark_module_imports_and_has_a_run_function(name: str) -> None:
    module = importlib.import_module(f"benchmarks.{name}")
    assert callable(module.run)


def test_the_runner_knows_every_topic_and_parses_its_options(tmp_path: Path) -> None:
    runner = importlib.import_module("benchmarks.__main__")
    assert runner.topics() == [name.removeprefix("bench_") for name in MODULES]
    assert {"chorus", "directory", "pes"} <= set(runner.topics())

    every = runner.parse_args([])
    assert every.topics == runner.topics()
    assert not every.quick
    assert every.json is None

    one = runner.parse_args(["chorus", "--quick", "--json", str(tmp_path / "r.json")])
    assert one.topics == ["chorus"]
    assert one.quick
    assert one.json == tmp_path / "r.json"


def test_the_runner_refuses_an_unknown_topic(capsys: pytest.CaptureFixture[str]) -> None:
    runner = importlib.import_module("benchmarks.__main__")
    with pytest.raises(SystemExit) as exit_info:
        runner.parse_args(["chorus", "helios-speed"])
    assert exit_info.value.code == 2
    assert "unknown topic(s): helios-speed" in capsys.readouterr().err


def test_a_target_prints_its_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    results = importlib.import_module("benchmarks.results")
    recorded = results.start_topic("smoke")
    assert results.target("lookup p99", 30.0, "<", 1000.0, " µs")
    assert not results.target("async speed-up", 5.0, ">=", 8.0, "×")
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "target lookup p99: 30.00 µs (< 1,000.00 µs) — met",
        "target async speed-up: 5.00× (>= 8.00×) — NOT met",
    ]
    assert [target.met for target in recorded.targets] == [True, False]


@pytest.mark.parametrize("name", MODULES)
def test_every_benchmark_module_reports_through_results(name: str) -> None:
    # A topic records its figures and targets with benchmarks.results, so --json has them.
    source = (ROOT / "benchmarks" / f"{name}.py").read_text("utf-8")
    assert "from benchmarks import results" in source
    assert "results.measure(" in source
    assert "def target(" not in source, "a module's own target printer escapes --json"
    assert "target:" not in source, "a target printed by hand escapes --json"
