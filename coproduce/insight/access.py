"""The door to the dashboards: only staff (admins and coordinators) see them, and only for
the projects their organisation owns or co-owns; only admins upload the Census table."""

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.accountability.access import actions_of_organisation
from coproduce.accountability.models import Action
from coproduce.breaks.access import referral_figures_of
from coproduce.insight.models import CensusFigure
from coproduce.projects.access import project_for, projects_for, projects_of_organisation
from coproduce.projects.models import Project
from coproduce.tenancy.access import ADMIN_ROLES, public_organisation, require_role, require_staff
from coproduce.tenancy.models import Organisation


def dashboard_projects(request: HttpRequest) -> QuerySet[Project]:
    """Every project of the staff member's organisation and its partnerships."""
    require_staff(request)
    return projects_for(request, need="edit")


def dashboard_project(request: HttpRequest, pk: int) -> Project:
    require_staff(request)
    return project_for(request, pk, need="edit")


def dashboard_organisation(request: HttpRequest) -> Organisation:
    return require_staff(request).organisation


def census_figures_of(organisation: Organisation) -> QuerySet[CensusFigure]:
    """The Census figures uploaded for an organisation that came through this module."""
    return CensusFigure.objects.filter(organisation=organisation)


def census_organisation(request: HttpRequest) -> Organisation:
    """The organisation whose Census table an admin may replace."""
    return require_role(request, ADMIN_ROLES).organisation


# --- Open data: anyone may read an organisation's figures, which name nobody -------------


def open_organisation(slug: str) -> Organisation:
    """The organisation whose open data is asked for (404 when there is none)."""
    return public_organisation(slug)


def open_projects_of(organisation: Organisation) -> QuerySet[Project]:
    """The projects whose figures an organisation's open data counts: all it owns or
    co-owns (only counts leave this app, never a row)."""
    return projects_of_organisation(organisation)


def open_actions_of(organisation: Organisation) -> QuerySet[Action]:
    return actions_of_organisation(organisation.pk)


def open_referral_figures_of(
    organisation: Organisation, since: datetime, until: datetime
) -> dict[str, int]:
    return referral_figures_of(organisation, since, until)
