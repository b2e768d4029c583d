"""The room's guards: the join token, clean text, the headers every response carries, and the
checks every request passes first (Host, size, the custom header and the Origin).

The room's network is not trusted: a page on another site may try to post to the room (the
custom header and the Origin stop it), a name in DNS may point at the laptop (the Host check
stops it), and anyone on the Wi-Fi may send anything (the size, rate and text limits)."""

from __future__ import annotations

import hmac
import logging
import secrets
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from cocreate import rules

log = logging.getLogger(__name__)

TOKEN_BYTES = 18  # 144 bits
COOKIE = "cocreate_device"

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}

#: The status and error code of each error aiohttp raises by itself.
AIOHTTP_ERRORS = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    408: "timeout",
    413: "too_large",
}

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """A fresh random token of 144 bits, URL-safe."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_matches(given: object, token: str) -> bool:
    """Constant-time comparison; anything but a string never matches."""
    if not isinstance(given, str) or not token:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), token.encode())


def clean_text(text: str) -> str:
    """People's text as the room keeps it: the rule for every way in (cocreate.rules.clean_text:
    newlines as \\n, no control characters but newline and tab, no lone surrogates, no invisible
    format characters that could reorder the shared screen but the joiners and flag tags), then
    NFC, and no blank margin."""
    return unicodedata.normalize("NFC", rules.clean_text(text)).strip()


def clean_name(text: str) -> str:
    """A name on one line: clean text with every run of white space as one space."""
    return " ".join(clean_text(text).split())


class RoomError(Exception):
    """A refusal a handler raises: the phone gets `status` and JSON {"error": code}."""

    def __init__(self, status: int, code: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.headers = headers or {}


def error_response(status: int, code: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": code}, status=status, headers=headers)


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: every response, the page, JSON, files and the event stream alike."""
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value


def guard_middleware(expected_host: Callable[[], str], max_body: int) -> Any:
    """The checks before any handler: the Host (421), the declared size (413), and for every
    request that changes something the custom header and the Origin (403). aiohttp's own errors
    (404, 405, 413 of a body past client_max_size) leave as JSON too."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        host = expected_host()
        if request.headers.get("Host", "") != host:
            return error_response(421, "wrong_host")
        length = request.content_length
        if length is not None and length > max_body:
            return error_response(413, "too_large")
        if request.method not in SAFE_METHODS:
            if request.headers.get("X-Cocreate") != "1":
                return error_response(403, "missing_header")
            if request.headers.get("Origin") != f"http://{host}":
                return error_response(403, "bad_origin")
        try:
            return await handler(request)
        except RoomError as exc:
            return error_response(exc.status, exc.code, exc.headers)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return error_response(exc.status, AIOHTTP_ERRORS.get(exc.status, "error"))
        except Exception:
            log.exception("The room failed to answer %s %s", request.method, request.path)
            return error_response(500, "internal")

    return guard
