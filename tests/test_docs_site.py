"""The documentation site's build helpers (issue 18 item 7); the build itself runs in CI."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _load(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_doctest_blocks_are_fenced_once() -> None:
    pytest.importorskip("griffe")
    module = _load("griffe_doctest")
    text = "Intro.\n\n    >>> 1 + 1\n    2\n\nMore.\n\n```python\n>>> kept\n```\n"
    fenced = module.fence_doctests(text)  # type: ignore[attr-defined]
    assert fenced.splitlines() == [
        "Intro.",
        "",
        "    ```pycon",
        "    >>> 1 + 1",
        "    2",
        "    ```",
        "",
        "More.",
        "",
        "```python",
        ">>> kept",
        "```",
    ]


def test_every_public_module_has_an_api_page() -> None:
    import pkgutil

    import inkassorules

    modules = {
        m.name
        for m in pkgutil.walk_packages(inkassorules.__path__, "inkassorules.")
        if not any(part.startswith("_") for part in m.name.split("."))
        and m.name != "inkassorules.cli"
    }
    pages = {
        line.split(":::", 1)[1].strip()
        for page in (DOCS / "api").glob("*.md")
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith(":::")
    }
    nav = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert modules <= pages
    assert all(f"api/{page.name}" in nav for page in (DOCS / "api").glob("*.md"))
