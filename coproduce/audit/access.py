"""The door to the audit log: only an organisation's admins read it, and only their own."""

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.audit.models import AuditEvent
from coproduce.tenancy.access import ADMIN_ROLES, of_organisation, require_role


def audit_events_for(request: HttpRequest) -> QuerySet[AuditEvent]:
    membership = require_role(request, ADMIN_ROLES)
    return AuditEvent.objects.filter(of_organisation(membership))
