"""A generated corpus of bad invocations of the command line (issue 16 item 3).

Built from the parser's own subcommands and options (argparse introspection), crossed with bad
values, bad files and stray arguments, each run with and without ``--json``, in process through
:func:`inkassorules.cli.main`. Every one must exit 2 and say so in one line on stderr (with
``--json``: one JSON object on stdout, nothing on stderr): never a traceback, never a hang,
never cattrs' bare "invalid value @ $". A few real subprocesses check what only a process can
show: a broken pipe, a closed stdout, a FIFO and ``/dev/zero``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inkassorules.cli import (
    EXIT_BROKEN_PIPE,
    EXIT_OUTPUT,
    EXIT_USAGE,
    MAX_INPUT_BYTES,
    _count,
    _currency,
    _date,
    _moment,
    _money,
    _parser,
    main,
    subcommands,
)
from inkassorules.errors import InvalidInput

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
NO_CASE = str(ROOT / "examples" / "no-case.json")
EXAMPLES = ROOT / "examples"
NO_CLAIM = ("--principal", "8000", "--due", "2026-03-02", "--jurisdiction", "NO")
CLAIM_OPTIONS = {"--principal", "--due", "--jurisdiction", "--currency", "--debtor", "--reference"}

# A valid invocation of every subcommand: the corpus spoils one part of it at a time.
BASE: dict[tuple[str, ...], tuple[str, ...]] = {
    ("rates",): ("--on", "2026-03-01"),
    ("fees",): (*NO_CLAIM, "--on", "2026-04-20"),
    ("interest",): (*NO_CLAIM, "--paid", "2026-06-01"),
    ("schedule",): (
        "--total",
        "100",
        "--jurisdiction",
        "NO",
        "--count",
        "2",
        "--signed",
        "2026-03-02",
    ),
    ("contact",): ("--jurisdiction", "NO", "--at", "2026-03-02T10:00"),
    ("plan",): (*NO_CLAIM, "--as-of", "2026-03-10"),
    ("law", "check"): (),
    ("case", "next"): (NO_CASE, "--as-of", "2026-06-01"),
    ("case", "plan"): (NO_CASE, "--as-of", "2026-06-01"),
    ("case", "balance"): (NO_CASE, "--on", "2026-06-01"),
    ("case", "audit"): (NO_CASE, "--as-of", "2026-06-01"),
    ("portfolio",): (
        str(EXAMPLES / "portfolio.csv"),
        "-o",
        str(Path(tempfile.gettempdir()) / "inkassorules-corpus-portfolio.csv"),
        "--as-of",
        "2026-06-01",
        "--quiet",
    ),
}

NON_ASCII_DIGITS = ("٢٠٢٦", "２０２６", "۲۰۲۶")  # noqa: RUF001 -- the point
BAD_DATES = (
    "",
    "2026-13-01",
    "2026-02-30",
    "20260301",
    "2026-W10-1",
    "2026-03-01T10:00",
    "2026-3-1",
    *(f"{digits}-03-01" for digits in NON_ASCII_DIGITS),
    "x" * 5000,
    "2026-03-01\n",
    "\x00",
)
BAD_MOMENTS = (
    "",
    "2026-03-02T25:00",
    "2026-03-02",
    "2026-03-02T10",
    "2026-03-02T10:00+25:00",
    "٢٠٢٦-03-02T10:00",
    "２０２６-03-02T10:00",  # noqa: RUF001
    "2026-03-02T10:00:00.1234567",
    "now",
)
BAD_COUNTS = ("", "-1", "8_000", "٣", "３", "1e3", "9999999", "1.5", " 2", "+2", "1" * 6000)  # noqa: RUF001
BAD_CURRENCIES = ("", "EUR", "NO", "ØRE", "123", "SEK", "N0K", "NOKK")
BAD_CHOICES = ("", "XX", "no-", "NOK", "ＮＯ", "consumer ", "\udcff")  # noqa: RUF001
BAD_AMOUNTS = (
    "8_000",
    "٨٠٠٠",
    "８０００",  # noqa: RUF001
    "-5",
    "+5",
    "1e3",
    "",
    " 8000",
    "8000.",
    ".5",
    "8,000",
    "NaN",
    "Infinity",
    "1" + "0" * 20,
    "1." + "1" * 11,
    "9" * 5000,
    "0x10",
)
BAD_PAYMENTS = (
    "1000",
    "@2026-05-04",
    "8_000@2026-04-01",
    "1000@",
    "1000@2026-13-01",
    "-5@2026-04-01",
    "٣@2026-04-01",
    "1000@20260401",
    "1000@@2026-04-01",
)
BAD_CHANNELS = ("", "fax", "telefon", "\x00", "phone sms")
STRAY = (
    "--bogus",
    "stray",
    "--json=1",
    "--on=",
    "-x",
    "\udcff",
    "--law",
    "--help-me",
    "--version",
    "-",
    "--principal",
    "=",
)


def _values(action: argparse.Action) -> tuple[str, ...]:
    """Bad values for an option, by the kind of value it reads."""
    kind = {_date: BAD_DATES, _moment: BAD_MOMENTS, _count: BAD_COUNTS, _currency: BAD_CURRENCIES}
    if action.type in kind:
        return kind[action.type]
    if action.choices is not None:
        return BAD_CHOICES
    name = action.option_strings[0] if action.option_strings else ""
    return {
        "--principal": BAD_AMOUNTS,
        "--total": BAD_AMOUNTS,
        "--amount": BAD_AMOUNTS,
        "--payment": BAD_PAYMENTS,
        "--channel": BAD_CHANNELS,
    }.get(name, ())


def _replace(base: tuple[str, ...], option: str, value: str) -> list[str]:
    """*base* with *option*'s value replaced by *value* (or added)."""
    args = list(base)
    if option in args:
        index = args.index(option)
        args[index + 1] = value
        return args
    if option == "--amount" and "--count" in args:  # one of the two
        index = args.index("--count")
        del args[index : index + 2]
    return [*args, option, value]


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Bad claim, case and legal data files: (claim/case JSON files, legal data files)."""
    folder = tmp_path_factory.mktemp("bad")
    claim = {
        "principal": {"amount": "8000", "currency": "NOK"},
        "due_date": "2026-03-02",
        "jurisdiction": "NO",
        "debtor_kind": "consumer",
    }
    texts: dict[str, bytes] = {
        "one": b"1",
        "null": b"null",
        "true": b"true",
        "array": b"[]",
        "string": b'"claim"',
        "empty": b"",
        "not-json": b"{principal: 8000}",
        "deep": b"[" * 100_000 + b"]" * 100_000,
        "deep-object": b'{"a":' * 40 + b"1" + b"}" * 40,
        "big-int": b'{"principal": ' + b"9" * 5000 + b"}",
        "surrogate": json.dumps({**claim, "reference": "\\ud800"}).replace("\\\\", "\\").encode(),
        "latin-1": '{"reference": "bjørn"}'.encode("latin-1"),
        "nul": b"\x00" * 64,
        "reference-list": json.dumps({**claim, "reference": ["a"]}).encode(),
        "sek-for-no": json.dumps(
            {**claim, "principal": {"amount": "8000", "currency": "SEK"}}
        ).encode(),
        "negative": json.dumps(
            {**claim, "principal": {"amount": "-1", "currency": "NOK"}}
        ).encode(),
        "unknown-field": json.dumps({**claim, "colour": "red"}).encode(),
        "wrong-types": json.dumps({**claim, "jurisdiction": 5, "due_date": 20260302}).encode(),
        "too-large": b" " * (MAX_INPUT_BYTES + 1) + b"{}",
    }
    paths = {}
    for name, data in texts.items():
        path = folder / f"{name}.json"
        path.write_bytes(data)
        paths[name] = str(path)
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    special = [str(fifo), "/dev/zero", "/dev/null", str(folder), str(folder / "missing.json")]
    toml = {
        "garbage": b"[[[ not toml",
        "latin-1": 'name = "bjørn"'.encode("latin-1"),
        "unknown-table": b"[parameter.nonsense]\nvalues = []\n",
        "too-large": b"#" * (MAX_INPUT_BYTES + 1),
    }
    law = []
    for name, data in toml.items():
        path = folder / f"{name}.toml"
        path.write_bytes(data)
        law.append(str(path))
    return {"json": [*paths.values(), *special], "law": [*law, *special]}


def corpus(files: dict[str, list[str]]) -> Iterator[list[str]]:
    """Every bad invocation, built from the parser's subcommands and options."""
    commands = _parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    found = subcommands(commands)  # type: ignore[arg-type]
    assert {words for words, _ in found} == set(BASE), "a new subcommand needs a BASE entry"
    yield []
    yield ["nonsense"]
    yield ["--verbose"]
    for words, parser in found:
        base = BASE[words]
        yield list(words[:-1])  # a group without its subcommand
        for action in parser._actions:
            if action.option_strings and action.nargs is None:
                option = action.option_strings[0]
                yield [*words, *base, option]  # the value missing
                for value in _values(action):
                    yield [*words, *_replace(base, option, value)]
                    yield [*words, *base, f"{option}={value}"]  # the same, as --option=value
            if option_is_file(action):
                for path in files["law" if action.dest == "law" else "json"]:
                    yield [*words, *_without_claim(base, action), action.option_strings[0], path]
        if words == ("law", "check") or words[0] == "case":
            for path in files["law" if words[0] == "law" else "json"]:
                yield [*words, path, *base[1:]]
        for stray in STRAY:
            yield [*words, *base, stray]
            yield [*words, stray, *base]
            if stray != "--version":
                yield [stray, *words, *base]


def option_is_file(action: argparse.Action) -> bool:
    return action.dest in {"claim_file", "law"}


def _without_claim(base: tuple[str, ...], action: argparse.Action) -> list[str]:
    """*base* without the claim's arguments, if *action* gives the claim as a file."""
    if action.dest != "claim_file":
        return list(base)
    args = list(base)
    kept: list[str] = []
    index = 0
    while index < len(args):
        if args[index] in CLAIM_OPTIONS:
            index += 2
            continue
        kept.append(args[index])
        index += 1
    return kept


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def check(args: list[str]) -> str | None:  # noqa: PLR0911 -- one return per problem
    """What is wrong with the answer to *args*, or None."""
    code, out, err = run(args)
    if "Traceback" in out + err or "invalid value @ $" in out + err:
        return f"traceback or cattrs message: {out}{err}"
    if code != EXIT_USAGE:
        return f"exit {code}: {out[-300:]}{err[-300:]}"
    if "--json" in args:
        try:
            data = json.loads(out)
        except ValueError:
            return f"--json error is not JSON: {out!r} {err!r}"
        if err or set(data) != {"error"} or set(data["error"]) != {"type", "message", "rule"}:
            return f"--json error shape: {out!r} {err!r}"
        if "\n" in data["error"]["message"]:
            return "--json message spans lines"
        return None
    if out or len(err.splitlines()) != 1 or not err.startswith("inkassorules"):
        return f"not one line on stderr: {out[-200:]!r} {err[-300:]!r}"
    return None


def test_a_corpus_of_bad_invocations_is_one_line_and_exit_2(
    bad_files: dict[str, list[str]],
) -> None:
    invocations = list(corpus(bad_files))
    invocations += [[*args, "--json"] for args in invocations if args]
    assert len(invocations) >= 3000, len(invocations)
    started = time.monotonic()
    failures = []
    for args in invocations:
        problem = check(args)
        if problem is not None:
            failures.append((args, problem))
    elapsed = time.monotonic() - started
    shown = "\n".join(f"{[a[:60] for a in args]}: {problem}" for args, problem in failures[:20])
    assert not failures, f"{len(failures)} of {len(invocations)} failed:\n{shown}"
    assert elapsed < 120, f"the corpus took {elapsed:.0f} s"


def test_the_corpus_fails_without_the_checks() -> None:
    # The corpus is not vacuous: a valid base invocation of every subcommand succeeds.
    for words, base in BASE.items():
        if words == ("law", "check"):
            continue
        if words == ("portfolio",):
            if importlib.util.find_spec("pyarrow") is None:  # the lowest-deps run: no extra
                continue
            code, out, err = run([*words, *base])
            assert (code, out, err) == (0, "", ""), (words, err)  # --quiet: the file only
            assert Path(base[2]).read_text(encoding="utf-8").count("\n") == 5
            continue
        code, out, err = run([*words, *base])
        assert (code, err) == (0, ""), (words, err)
        assert out


# -- real processes -----------------------------------------------------------------------------


def _inkassorules(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "inkassorules", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,
    )


def test_a_fifo_and_dev_zero_do_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        result = _inkassorules("fees", "--claim-file", path, "--on", "2026-04-01")
        assert result.returncode == EXIT_USAGE
        assert "not a regular file" in result.stderr
        assert len(result.stderr.splitlines()) == 1
        result = _inkassorules("rates", "--law", path)
        assert result.returncode == EXIT_USAGE, result.stderr
    with Path("/dev/zero").open("rb") as zeros:
        result = _inkassorules("case", "next", "-", stdin=zeros)
    assert result.returncode == EXIT_USAGE
    assert "longer than" in result.stderr


def test_a_broken_pipe_ends_quietly_with_141() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader went away before anything was written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "inkassorules", "rates", "--on", "2026-03-01"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert result.returncode == EXIT_BROKEN_PIPE
    assert result.stderr == ""


def test_head_reads_one_line_without_a_traceback() -> None:
    command = (
        f"{sys.executable} -m inkassorules rates --on 2026-12-03 --json | head -c 1; "
        f"{sys.executable} -m inkassorules rates --on 2026-12-03 | head -1"
    )
    result = subprocess.run(
        ["/bin/sh", "-c", command], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert result.stderr == ""


def test_a_closed_stdout_is_an_error_not_silence() -> None:
    command = f"{sys.executable} -m inkassorules rates --on 2026-03-01 >&-"
    result = subprocess.run(
        ["/bin/sh", "-c", command], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr.strip() == (
        "inkassorules: error: standard output is closed; nothing was written"
    )


def test_version_is_the_installed_distributions() -> None:
    from importlib import metadata

    result = _inkassorules("--version")
    assert result.returncode == 0
    assert result.stdout == f"inkassorules {metadata.version('inkassorules')}\n"


def _plain_amount(text: str) -> bool:
    whole, _, decimals = text.partition(".")
    return (
        whole.isascii()
        and whole.isdigit()
        and (not _ or (decimals.isascii() and decimals.isdigit()))
    )


@given(st.text(max_size=30))
def test_an_amount_is_ascii_digits_with_an_optional_decimal_part_or_refused(text: str) -> None:
    try:
        money = _money(text, "NOK", "--principal")
    except InvalidInput:
        # refused: not digits[.digits], or beyond the 15 + 10 digits of the command line
        assert (
            not _plain_amount(text) or len(text.split(".", maxsplit=1)[0]) >= 15 or len(text) > 20
        )
        return
    assert _plain_amount(text)
    assert money.amount == Decimal(text)


@given(st.text(alphabet="0123456789.", min_size=1, max_size=12))
def test_ascii_amounts_are_read_exactly(text: str) -> None:
    try:
        money = _money(text, "NOK", "--total")
    except InvalidInput:
        assert text.startswith(".") or text.endswith(".") or text.count(".") > 1
        return
    assert money.amount == Decimal(text)
