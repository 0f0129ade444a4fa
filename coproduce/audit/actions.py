"""Writing audit events. Called from the actions and views that touch sensitive data."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coproduce.audit.models import AuditAction, AuditEvent, DataCategory

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.people.models import Person


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
