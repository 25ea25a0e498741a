"""Every SDK method is exercised against the emulator: a new method without such a test fails here.

Each test of this folder declares the SDK methods it calls with ``covers(...)``; the ``chorus``
fixture fails a test that does not call what it declares. Here, the declarations of the whole
folder must add up to exactly the public methods of the five resources and of ``Page``.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chorus_sdk_support import declared, sdk_methods

HERE = Path(__file__).parent


def _tests() -> dict[str, Callable[..., Any]]:
    """The test functions of the other modules of this folder, by ``module::name``."""
    found: dict[str, Callable[..., Any]] = {}
    for path in sorted(HERE.glob("test_sdk_*.py")):
        if path.name == Path(__file__).name:
            continue
        spec = importlib.util.spec_from_file_location(f"_coverage_{path.stem}", path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, test in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("test_"):
                found[f"{path.stem}::{name}"] = test
    return found


def test_every_sdk_method_is_exercised_against_the_emulator() -> None:
    exercised = frozenset().union(*(declared(test) for test in _tests().values()))
    existing = sdk_methods()
    assert existing - exercised == set(), "SDK methods without a test against the emulator"
    assert exercised - existing == set(), "tests declare methods the SDK does not have"
    assert len(existing) >= 55  # 52 resource methods and 3 of Page when this was written


def test_every_test_against_the_emulator_declares_what_it_exercises() -> None:
    tests = _tests()
    assert len(tests) > 30
    assert [name for name, test in tests.items() if not declared(test)] == []
