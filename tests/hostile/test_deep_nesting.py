"""Deep nesting never reaches the C parser's unbounded recursion (it crashed the process)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from carenos.io.yaml import MAX_DEPTH, may_nest_deeply

SCRIPT = """
import sys
from carenos.errors import ParseError
from carenos.io.yaml import parse_yaml
text = sys.stdin.read()
try:
    parse_yaml(text, bulk=True)
except ParseError as error:
    print(error)
"""

DEEP = {
    "flow": "[" * 1_000_000 + "]" * 1_000_000,
    "flow-mapping": "{a: " * 200_000 + "x" + "}" * 200_000,
    "block": "- " * 1_000_000 + "x\n",
}


@pytest.mark.parametrize("style", sorted(DEEP))
def test_a_million_levels_are_refused_not_crashed_on(style: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        input=DEEP[style],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"nested more than {MAX_DEPTH} levels deep" in done.stdout


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        ("a: [1, 2, {b: c}]\n", False),
        ("- - - - x\n", False),
        ("[" * (MAX_DEPTH + 1), True),
        ("- " * (MAX_DEPTH // 2 + 1) + "x", True),
        ("a:\n" + " " * (MAX_DEPTH + 1) + "b: c\n", True),
    ],
)
def test_the_pre_check_is_cheap_and_conservative(text: str, deep: bool) -> None:
    assert may_nest_deeply(text) is deep
