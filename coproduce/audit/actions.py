"""Writing audit events. Called from the actions and views that touch sensitive data."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coproduce.audit.models import AuditAction, AuditEvent, DataCategory

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.people.models import Person
    from coproduce.tenancy.models import Organisation


def record(
    *,
    actor: "User | None",
    person: "Person",
    action: AuditAction,
    categories: Iterable[DataCategory],
    detail: str = "",
) -> AuditEvent:
    return AuditEvent.objects.create(
        organisation_id=person.organisation_id,
        actor=actor,
        person=person,
        action=action,
        categories=sorted(str(c) for c in categories),
        detail=detail[:300],
    )


def record_for_organisation(
    *,
    organisation: "Organisation",
    actor: "User | None",
    action: AuditAction,
    detail: str,
) -> AuditEvent:
    """An event about the organisation itself rather than one person (an API token
    created, revoked or refused)."""
    return AuditEvent.objects.create(
        organisation=organisation, actor=actor, action=action, detail=detail[:300]
    )
