"""The generated models are up to date with the Swagger files and cover every definition."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from demat_sdk.chorus import models, tri
from demat_sdk.chorus.enums import ChorusEnum
from demat_sdk.chorus.swagger import DROPPED_DEFINITIONS, RENAMED_DEFINITIONS
from swagger_samples import normalised

from tests_support import SWAGGER_DIR, swagger

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_chorus_models", ROOT / "scripts" / "generate_chorus_models.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_committed_models_are_what_the_generator_writes(generator: ModuleType) -> None:
    files = generator.render(SWAGGER_DIR)
    stale = [
        path.relative_to(ROOT).as_posix()
        for path, text in files.items()
        if not generator.same_code(path.read_text(encoding="utf-8"), text)
    ]
    assert not stale, f"run scripts/generate_chorus_models.py: {stale}"
    assert len(files) == 9


@pytest.mark.parametrize("api", ["factures", "structures"])
def test_every_swagger_definition_is_a_model(api: str) -> None:
    definitions = set(swagger(api)["definitions"]) - DROPPED_DEFINITIONS
    names = {RENAMED_DEFINITIONS.get(name, name) for name in definitions}
    assert names <= set(models.__all__)
    for name in names:
        properties = normalised(api)["definitions"][name].get("properties", {})
        fields = getattr(models, name).model_fields
        declared = {info.alias or field for field, info in fields.items()}
        declared |= {"codeRetour", "libelle"}
        assert set(properties) <= declared, name


def test_the_sort_columns_are_those_of_the_swagger() -> None:
    found = {}
    for api in ("factures", "structures"):
        for definition in normalised(api)["definitions"].values():
            for key, schema in definition.get("properties", {}).items():
                if key.startswith("triColonne"):
                    found[frozenset(schema["enum"])] = key
    enums = [getattr(tri, name) for name in tri.__all__]
    assert all(issubclass(enum, ChorusEnum) for enum in enums)
    assert {frozenset(member.value for member in enum) for enum in enums} == set(found)
