"""What a CASE export can be told, and the dates and URIs it writes, checked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Literal
from urllib.parse import urlsplit

from attrs import field, frozen

from ...errors import UsageError
from ...model import Standard

__all__ = [
    "DEFAULT_BASE_URI",
    "DEFAULT_TITLE",
    "MAX_TITLE",
    "CaseOptions",
    "base_uri",
    "export_date",
    "full_date",
    "rfc3339",
    "short_title",
    "stamp_of",
]

DEFAULT_BASE_URI = "https://carenos.dev/case/"
"""Base of every ``uri`` unless another is given: ``BASE + "ims/case/v1p1/CFItems/" + id``."""

DEFAULT_TITLE = "UK National Occupational Standards"
"""Title of a CFDocument whose framework is no suite, unless another is given."""

MAX_TITLE = 120
"""The longest title CASE servers keep (OpenSALT cuts a document title at 120 characters)."""


def base_uri(text: str, option: str = "--case-base-uri") -> str:
    """``text`` as the base of CASE URIs: absolute http(s), ending in ``/``; else UsageError."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or text != text.strip():
        raise UsageError(f"{option} {text!r} is not an absolute http(s) URI")
    if any(c.isspace() for c in text) or parts.query or parts.fragment:
        raise UsageError(f"{option} {text!r} may hold no spaces, query or fragment")
    return text if text.endswith("/") else text + "/"


def _site_base(text: str | None) -> str | None:
    """``text`` as the base of a ``carenos site`` (as :func:`base_uri`), or ``None``."""
    return None if text is None else base_uri(text, "--case-site-uri")


@frozen
class CaseOptions:
    """What a CASE export can be told.

    ``framework`` is the key the CFDocument's identifier comes from (default: the suite
    every standard names first, else :data:`DEFAULT_TITLE`); ``title``, ``creator``,
    ``publisher`` and ``version`` of the CFDocument (defaults from the standards);
    ``base_uri`` of every ``uri``; ``last_change``, an ISO date or date-time stamped on
    every object (default: each standard's approval date); ``language`` of the standards
    to export (one CFDocument a language); ``near`` also links near matches
    (``isRelatedTo``); ``case_version`` ``"1.0"`` writes only what CASE 1.0 servers accept
    (``isRelatedTo`` for ``isTranslationOf``); ``previous`` is the previous version of
    the standards, whose changed statements get ``replacedBy`` associations; ``site_uri``
    is where ``carenos site`` of the same standards is hosted: each standard's item gets an
    ``exemplar`` association to its page there.
    """

    framework: str | None = None
    title: str | None = None
    creator: str | None = None
    publisher: str | None = None
    version: str | None = None
    base_uri: str = field(default=DEFAULT_BASE_URI, converter=base_uri)
    last_change: str | None = None
    language: str = "en"
    near: bool = False
    case_version: Literal["1.1", "1.0"] = "1.1"
    previous: Sequence[Standard] = ()
    site_uri: str | None = field(default=None, converter=_site_base)


def rfc3339(text: str) -> str:
    """An ISO date or date-time as an RFC 3339 date-time; :class:`UsageError` if it is not one."""
    try:
        if len(text) == 10:
            moment = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not an ISO date or date-time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def export_date() -> str:
    """The day of the export (UTC), or of ``SOURCE_DATE_EPOCH`` where it is set (for
    reproducible output): the stamp of what carries no date of its own."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.date().isoformat()


def full_date(iso: str | None) -> str | None:
    """An ISO date at year or month precision as its first day (``2021-03`` -> ``2021-03-01``)."""
    if iso is None:
        return None
    day = iso + "-01-01"[len(iso) - 4 :] if len(iso) < 10 else iso
    try:
        date.fromisoformat(day)
    except ValueError:  # a year 0000, which ISO 8601 has and Python's dates do not
        return None
    return day


def stamp_of(standard: Standard, options: CaseOptions) -> str:
    """``lastChangeDateTime`` of a standard's objects: the option, else its approval date,
    else the day of the export (never the epoch)."""
    if options.last_change is not None:
        return rfc3339(options.last_change)
    approved = standard.metadata.date_approved if standard.metadata else None
    return rfc3339(full_date(approved) or export_date())


def short_title(text: str, limit: int = MAX_TITLE) -> str:
    """``text`` cut at a word to ``limit`` characters with "…", where it is longer."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "\u2026"
