"""Packaging: one version, a licence file, project URLs (issue 18 item 7)."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import inkassorules

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_is_written_once() -> None:
    assert inkassorules.__version__ == importlib.metadata.version("inkassorules")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]


def test_the_licence_file_matches_the_declared_licence() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_project_urls_are_declared() -> None:
    urls = importlib.metadata.metadata("inkassorules").get_all("Project-URL") or []
    names = {entry.split(",", 1)[0] for entry in urls}
    assert {"Homepage", "Documentation", "Source", "Changelog", "Issues"} <= names
    assert all(re.match(r"^\w+, https://", entry) for entry in urls)
