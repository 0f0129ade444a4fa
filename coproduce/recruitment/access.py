"""The door to briefs and expressions of interest.

Briefs are managed by the staff who can change their project. Reaching out to carers and
screening their answers touch people's records, so only the staff of the organisation that
owns the project (whose people they are) may do those. Published briefs are public.
"""

import uuid
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest

from coproduce.projects.access import projects_for, projects_of_organisation
from coproduce.projects.models import Project
from coproduce.recruitment.models import Brief, EasyReadLine, ExpressionOfInterest, State
from coproduce.recruitment.rules import may_screen
from coproduce.tenancy.access import membership_for, of_organisation, one, require_staff
from coproduce.tenancy.models import Organisation


class SafeguardingTrainingRequired(PermissionDenied):
    """Only safeguarding-trained staff may screen people under 18."""


def briefs_for(request: HttpRequest) -> QuerySet[Brief]:
    return Brief.objects.filter(project__in=projects_for(request, need="edit"))


def briefs_of(project: Project) -> QuerySet[Brief]:
    """Briefs of a project that itself came through `project_for` (surveys offer them to
    staff who can change the project, to ask the people interested in one)."""
    return Brief.objects.filter(project=project)


def brief_for(request: HttpRequest, pk: int) -> Brief:
    return one(briefs_for(request).select_related("project"), pk=pk)


def own_brief_for(request: HttpRequest, pk: int) -> Brief:
    """A brief whose project the user's organisation owns, to reach out and screen."""
    brief = brief_for(request, pk)
    if brief.project.organisation_id != membership_for(request).organisation_id:
        raise PermissionDenied("Only the organisation that owns the project can do this")
    return brief


def published_brief_for(request: HttpRequest, public_id: uuid.UUID) -> Brief:
    """A published brief, for anyone (signed in or not): drafts do not exist in public."""
    published = Brief.objects.filter(published_at__isnull=False)
    return one(published.select_related("project__organisation"), public_id=public_id)


def open_briefs_of(organisation: Organisation, today: date) -> QuerySet[Brief]:
    """An organisation's published briefs open for answers today, for its front door,
    each marked with whether it has an easy-read version (`has_easy_read`)."""
    lines = EasyReadLine.objects.filter(brief=OuterRef("pk"))
    return Brief.objects.filter(
        project__in=projects_of_organisation(organisation),
        published_at__isnull=False,
        opens_on__lte=today,
        closes_on__gte=today,
    ).annotate(has_easy_read=Exists(lines))


def easy_read_line_for(brief: Brief, pk: int) -> EasyReadLine:
    """A line of `brief`'s easy-read version; `brief` must itself have come through here."""
    return one(EasyReadLine.objects.filter(brief=brief), pk=pk)


def expressions_for(request: HttpRequest) -> QuerySet[ExpressionOfInterest]:
    membership = require_staff(request)
    return ExpressionOfInterest.objects.filter(of_organisation(membership, "brief__project"))


def expressions_to_screen(request: HttpRequest) -> QuerySet[ExpressionOfInterest]:
    """Staff: answers to the organisation's briefs, on projects the user may change, that
    nobody has screened yet; oldest first, each with its brief and person."""
    received = expressions_for(request).filter(
        state=State.RECEIVED, brief__project__in=projects_for(request, need="edit")
    )
    return received.select_related("brief", "person").order_by("received_at", "pk")


def expression_for(request: HttpRequest, pk: int) -> ExpressionOfInterest:
    expressions = expressions_for(request).select_related("brief__project", "person__carer_profile")
    return one(expressions, pk=pk)


def expression_to_screen(request: HttpRequest, pk: int) -> ExpressionOfInterest:
    """An expression of interest the user may screen or decide about."""
    expression = expression_for(request, pk)
    trained = membership_for(request).safeguarding_trained
    if not may_screen(expression.under_18, trained):
        raise SafeguardingTrainingRequired("Only safeguarding-trained staff screen under-18s")
    return expression
