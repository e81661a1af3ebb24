"""The public API's shape: what users and later issues rely on."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import inkassorules
from inkassorules import UnknownJurisdiction, jurisdiction, no, se
from inkassorules._protocols import SHARED_NAMES

PUBLIC_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(inkassorules.__path__, "inkassorules.")
    if not any(part.startswith("_") for part in m.name.split("."))
    and m.name != "inkassorules.strategies"
)


@pytest.mark.parametrize("code", ["NO", "no", "SE", "se"])
def test_jurisdiction_returns_the_module(code):
    assert jurisdiction(code) is (no if code.upper() == "NO" else se)


@pytest.mark.parametrize("code", ["DK", "", "NOR", None, 47])
def test_unknown_jurisdiction(code):
    with pytest.raises(UnknownJurisdiction) as info:
        jurisdiction(code)  # type: ignore[arg-type]
    assert info.value.code == code
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize("module", [no, se])
def test_country_modules_export_every_shared_name(module):
    for name in SHARED_NAMES:
        assert name in module.__all__, f"{module.__name__} lacks {name}"
        assert callable(getattr(module, name))


def test_shared_names_have_the_same_keywords_in_both_countries():
    import inspect

    for name in SHARED_NAMES:
        shared = inspect.signature(getattr(inkassorules._protocols.Jurisdiction, name))
        for module in (no, se):
            params = inspect.signature(getattr(module, name)).parameters
            for pname, p in shared.parameters.items():
                if pname == "self":
                    continue
                assert pname in params, f"{module.__name__}.{name} lacks {pname}"
                assert params[pname].kind == p.kind


def test_codes_and_currencies():
    assert (no.CODE, no.CURRENCY, se.CODE, se.CURRENCY) == ("NO", "NOK", "SE", "SEK")


def isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest."""
    bare = name.lstrip("_")
    if bare.isupper() or (bare.upper() == bare and "_" in bare):
        return (0, name)
    if bare[:1].isupper():
        return (1, name)
    return (2, name)


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_module_has_a_sorted_all_of_existing_names(name):
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    exported = list(module.__all__)
    assert exported == sorted(exported, key=isort_key), f"{name}.__all__ is not sorted"
    for attr in exported:
        assert hasattr(module, attr), f"{name}.__all__ names missing {attr}"


def test_top_level_dir_lists_the_api():
    assert set(inkassorules.__all__) <= set(dir(inkassorules))


def test_version():
    assert inkassorules.__version__


def test_importing_does_not_import_hypothesis():
    code = "import sys, inkassorules; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
