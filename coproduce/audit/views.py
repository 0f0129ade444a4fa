from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coproduce.audit import access
from coproduce.audit.models import AuditAction, DataCategory

PAGE_SIZE = 50


def audit_list(request: HttpRequest) -> HttpResponse:
    """Who saw or changed whose personal details, newest first (organisation admins only)."""
    events = access.audit_events_for(request).values(
        "pk",
        "at",
        "action",
        "categories",
        "detail",
        "actor__email",
        "person_id",
        "person__full_name",
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "section": "audit",
        "actions": dict(AuditAction.choices),
        "categories": dict(DataCategory.choices),
    }
    return render(request, "audit/list.html", context)
