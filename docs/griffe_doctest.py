"""A griffe extension for the API reference: doctest blocks become ``pycon`` code blocks.

The library's docstrings carry runnable examples as plain doctest blocks (``>>>`` lines and their
output, ended by a blank line), as the standard library's do. Markdown would read them as quotes
and their output's brackets as links; this wraps each block in a fenced ``pycon`` block before
mkdocstrings renders the docstring. The docstrings themselves are not changed.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """Wrap every doctest block of *text* that is not fenced already in a ``pycon`` fence."""
    out: list[str] = []
    in_fence = False
    in_block = False
    indent = ""
    for line in text.splitlines():
        stripped = line.strip()
        if in_block and not stripped:
            out.append(f"{indent}```")
            in_block = False
        if not in_block and stripped.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and not in_block and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            in_block = True
        out.append(line)
    if in_block:
        out.append(f"{indent}```")
    return "\n".join(out)


class FenceDoctests(griffe.Extension):
    """Fence the doctest blocks of every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of each object as it is loaded."""
        del kwargs
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
