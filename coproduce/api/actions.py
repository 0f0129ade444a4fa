"""Verbs of the open API: make and revoke tokens, refuse a request (each audited), and
count a token's requests against its rate limit."""

import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from coproduce.api import rules
from coproduce.api.models import ApiToken
from coproduce.audit.actions import record_for_organisation
from coproduce.audit.models import AuditAction
from coproduce.tenancy.models import Organisation

if TYPE_CHECKING:
    from coproduce.accounts.models import User


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    text: str  # shown once, never stored


@transaction.atomic
def create_token(
    organisation: Organisation,
    name: str,
    scopes: list[str],
    actor: "User | None",
    text: str | None = None,
) -> NewToken:
    """A new token of `organisation`. `text` is for the demo's published token only: every
    other token's secret is random."""
    text = text or rules.token_text(secrets.token_hex(6), secrets.token_urlsafe(32))
    prefix = rules.prefix_of(text)
    if prefix is None:
        raise ValueError("Not a token")
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name.strip(),
        prefix=prefix,
        secret_hash=rules.hash_secret(text),
        scopes=[s for s in rules.ALL_SCOPES if s in scopes],
    )
    detail = f"{token.name} ({prefix}): {', '.join(token.scopes)}"
    record_for_organisation(
        organisation=organisation, actor=actor, action=AuditAction.API_TOKEN_CREATED, detail=detail
    )
    return NewToken(token=token, text=text)


@transaction.atomic
def revoke_token(token: ApiToken, actor: "User | None") -> bool:
    """Revoke `token` (once: a second revocation changes nothing and records nothing)."""
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    if revoked:
        record_for_organisation(
            organisation=token.organisation,
            actor=actor,
            action=AuditAction.API_TOKEN_REVOKED,
            detail=f"{token.name} ({token.prefix})",
        )
    return revoked == 1


def record_refusal(token: ApiToken, reason: str) -> None:
    """A request with a known token that was refused (revoked, out of scope, too many)."""
    record_for_organisation(
        organisation=token.organisation,
        actor=None,
        action=AuditAction.API_REFUSED,
        detail=f"{token.name} ({token.prefix}): {reason}",
    )


def count_request(token: ApiToken, now: float | None = None) -> int | None:
    """Count a request of `token` in its current window; None while it is within its
    limit, else the seconds until it may ask again. The first refusal of a window is
    audited (not every one: a runaway client would fill the log)."""
    window = rules.window_for(token.pk, time.time() if now is None else now)
    cache.add(window.key, 0, timeout=rules.WINDOW_SECONDS * 2)
    try:
        used = cache.incr(window.key)
    except ValueError:  # the key expired between add and incr
        cache.set(window.key, 1, timeout=rules.WINDOW_SECONDS * 2)
        used = 1
    limit: int = settings.API_REQUESTS_PER_MINUTE
    if used <= limit:
        return None
    if used == limit + 1:
        record_refusal(token, f"more than {limit} requests a minute")
    return window.retry_after
