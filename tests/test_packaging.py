"""The schemas ship inside the package and are found through importlib.resources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from carenos.schema import registry, schema, schema_names

from .support.paths import ROOT


def test_schema_is_found_by_id_in_the_registry() -> None:
    assert "standard.schema.json" in schema_names()
    contents = schema("standard")
    assert contents["$id"].endswith("/standard-2.schema.json")
    resolved = registry().resolver().lookup(contents["$id"])
    assert resolved.contents == contents


def test_top_level_schemas_folder_is_the_shipped_one() -> None:
    top = json.loads((ROOT / "schemas" / "standard.schema.json").read_text(encoding="utf-8"))
    assert top == schema("standard")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("carenos-*.whl")
    return built


def test_wheel_contains_schemas_and_py_typed(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "carenos/schemas/standard.schema.json" in names
    assert "carenos/py.typed" in names


def test_installed_wheel_finds_its_schema_outside_the_repository(
    wheel: Path, tmp_path: Path
) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -S: no site processing, so the editable install's path hook is not used; the
    # dependencies come from this environment's site-packages, carenos from the wheel.
    env = {**os.environ, "PYTHONPATH": f"{unpacked}{os.pathsep}{sysconfig.get_paths()['purelib']}"}
    code = (
        "import carenos, carenos.schema as s; "
        "print(carenos.__file__); print(s.schema('standard')['$id'])"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    module_file, schema_id = result.stdout.split()
    assert Path(module_file).is_relative_to(unpacked)
    assert schema_id == "https://carenos.dev/schemas/standard-2.schema.json"
