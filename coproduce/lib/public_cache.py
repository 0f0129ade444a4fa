"""Public pages served from the cache: `@public_cache` on a view anyone may read.

A public page (a published brief, a public You Said, We Did board, published survey
results) is the same for every reader who is signed out, reads in the same language and
asks for the same address, so it is rendered once and kept. What keeps it correct:

- **Any change empties it.** Every statement that writes a table (INSERT, UPDATE, DELETE:
  saves, queryset updates, bulk writes and raw SQL alike), but the tables no public page
  is made from (sessions, the audit log, tasks, messages, form tokens), moves one version
  number on once its transaction commits. Pages are kept under the version read before
  they were rendered, so a page made from data older than a change is never served after
  it: a withdrawn quote or an erased name is gone from the next request.
- **Time-dependent words** ("closes in 3 days") are kept for at most `KEEP_SECONDS`.
- **Nothing personal is kept.** Only signed-out GET requests without a session or a
  message waiting are served from it or stored in it; each form on a kept page gets the
  reader's own CSRF token, and its script the response's own CSP nonce, when it is served.
- **Only with a shared cache.** The version must be seen by every app server and worker
  process, so pages are kept only when `PUBLIC_PAGE_CACHE` is on, which it is when the
  cache is Redis (`REDIS_URL`); a process-local cache would leave other processes serving
  old pages.
"""

import logging
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

KEEP_SECONDS = 60
VERSION_KEY = "public-pages:version"
# Tables no public page is made from: writing them does not empty the cache.
UNSHOWN_TABLES = (
    "django_session",
    "accounts_",
    "audit_",
    "django_tasks",
    "notifications_",
    "otp_",
    "lib_",
)
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_SLOT = "@@public-cache-csrf@@"
NONCE = re.compile(r'( nonce=")[^"]*(")')
NONCE_SLOT = "@@public-cache-nonce@@"

View = Callable[..., HttpResponse]


def enabled() -> bool:
    return bool(getattr(settings, "PUBLIC_PAGE_CACHE", False))


def version() -> int:
    found = cache.get(VERSION_KEY)
    if found is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        found = cache.get(VERSION_KEY, 1)
    return int(found)


def changed() -> None:
    """Move the version on: every kept page is from before it. Runs after a commit, so a
    cache that does not answer is logged, never raised: the write has happened (pages kept
    before it then live out their `KEEP_SECONDS`)."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not there yet (or evicted): any new value empties it as well
            cache.set(VERSION_KEY, version() + 1, timeout=None)
    except Exception:
        logger.warning("Could not empty the public page cache", exc_info=True)


def _watch_writes(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    """A database execute wrapper: a write to a shown table empties the cache on commit."""
    result = execute(sql, params, many, context)
    written = WRITE.match(sql) if enabled() else None
    if written and not written.group(1).startswith(UNSHOWN_TABLES):
        context["connection"].on_commit(changed)
    return result


def _watch(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def connect() -> None:
    """Watch every database connection's writes (called once, when the lib app starts),
    including any already open."""
    connection_created.connect(_watch, dispatch_uid="public_cache_watch")
    for connection in connections.all(initialized_only=True):
        _watch(None, connection)


def _personal(request: HttpRequest) -> bool:
    return (
        request.method != "GET"
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
    )


def _key(request: HttpRequest, at: int) -> str:
    return f"public-pages:{at}:{get_language()}:{request.get_full_path()}"


def _served(request: HttpRequest, kept: dict[str, Any]) -> HttpResponse:
    token = get_token(request)  # also has the CSRF middleware set the reader's cookie
    nonce = str(getattr(request, "csp_nonce", ""))  # read: django-csp puts it in the header
    body = kept["body"].replace(CSRF_SLOT, token).replace(NONCE_SLOT, nonce)
    response = HttpResponse(body, content_type=kept["content_type"])
    for name, value in kept["headers"].items():
        response[name] = value
    return response


def public_cache(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not enabled() or _personal(request):
            return view(request, *args, **kwargs)
        try:
            key = _key(request, version())
            kept = cache.get(key)
        except Exception:  # the cache does not answer: make the page as if it were off
            logger.warning("The public page cache did not answer", exc_info=True)
            return view(request, *args, **kwargs)
        if kept is not None:
            return _served(request, kept)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            body = CSRF_FIELD.sub(rf"\g<1>{CSRF_SLOT}\g<2>", response.content.decode())
            body = NONCE.sub(rf"\g<1>{NONCE_SLOT}\g<2>", body)
            headers = {
                name: response[name] for name in ("Content-Language",) if response.has_header(name)
            }
            kept = {"body": body, "content_type": response["Content-Type"], "headers": headers}
            try:
                cache.set(key, kept, timeout=KEEP_SECONDS)
            except Exception:
                logger.warning("Could not keep a public page", exc_info=True)
        return response

    return wrapped
