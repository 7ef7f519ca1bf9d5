"""Properties of ``carenos fmt`` and ``--fix``: the layout is idempotent and keeps every
comment and every value; fixing gives a file that validates clean of what it fixes, and
fixing again changes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import carenos
from carenos.authoring import fix_text, format_text
from carenos.io.characters import CONTROL, INVISIBLE

from .strategies import standards

_KEY_LINE = re.compile(r"^(\s*)(- )?[a-z_]+:( |$)")


def commented(text: str, where: list[bool], tail: list[bool]) -> tuple[str, list[str]]:
    """``text`` with a comment on a line of its own before the key and item lines ``where``
    says, and at the end of the one-line ``key: value`` lines ``tail`` says."""
    lines = text.split("\n")
    out: list[str] = []
    comments: list[str] = []
    for i, line in enumerate(lines):
        starts = _KEY_LINE.match(line)
        if starts and where[i % len(where)]:
            comment = f"# note {len(comments)}"
            comments.append(comment)
            out.append(f"{starts.group(1)}{comment}")
        following = lines[i + 1] if i + 1 < len(lines) else ""
        one_line = (
            starts is not None
            and (not following.strip() or _KEY_LINE.match(following) is not None)
            and not line.rstrip().endswith(("|", ">", "|-", ">-", ":", '"', "'"))
            and "#" not in line
        )
        if one_line and tail[i % len(tail)]:
            comment = f"# tail {len(comments)}"
            comments.append(comment)
            line = f"{line}  {comment}"
        out.append(line)
    return "\n".join(out), comments


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    standards(),
    st.lists(st.booleans(), min_size=1, max_size=7),
    st.lists(st.booleans(), min_size=1, max_size=7),
)
def test_fmt_is_idempotent_and_keeps_comments_and_values(
    standard: carenos.Standard, where: list[bool], tail: list[bool]
) -> None:
    text, comments = commented(carenos.dumps(standard), where, tail)
    assert carenos.loads(text) == standard  # the comments went where YAML allows them
    once = format_text(text)
    assert format_text(once) == once
    assert carenos.loads(once) == standard
    for comment in comments:
        assert comment in once


def _texts(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def _words(text: str) -> str:
    """What is left of a text when the fixes have taken its odd characters and spaces away
    (a text of nothing else cannot be mended mechanically)."""
    return INVISIBLE.sub("", CONTROL.sub("", text)).strip()


def _messy(text: str) -> str:
    """A standard's YAML as an author may leave it: double spaces and invisible characters in
    texts, ids in lower case with leading zeros."""
    text = re.sub(r"(text: \S+) ", "\\1  ", text)  # a double space after a text's first word
    text = re.sub(r"id: P([0-9]+)", lambda m: f"id: p0{m.group(1)}", text)
    return text.replace("text: ", "text: \u200b", 1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(standards())
def test_fixing_gives_no_finding_it_fixes_and_fixing_again_changes_nothing(
    standard: carenos.Standard,
) -> None:
    assume(all(_words(text) for text in _texts(carenos.to_dict(standard))))
    messy = _messy(carenos.dumps(standard))
    fixed, _fixes = fix_text(messy, "x.yaml")
    again, more = fix_text(fixed, "x.yaml")
    assert (again, more) == (fixed, [])
    report = carenos.validate(fixed, catalogue=None)
    mended = {"CN301", "CN304", "CN005", "CN201", "CN202", "CN100", "CN001"}
    assert [f for f in report.findings if f.code in mended] == []
