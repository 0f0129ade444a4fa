"""What still needs writing in Welsh: the organisation's published or open items whose
English has no Welsh twin yet (coproduce.lib.bilingual), each kind with its count and the
first few, linking to where the Welsh is written.

Each kind costs two queries (the first rows and the count), whatever the numbers."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.accountability.models import Action
from coproduce.activities.models import Activity, ActivityStatus
from coproduce.decisions.models import Proposal, ProposalStatus
from coproduce.lib.bilingual import missing_welsh, welsh_missing
from coproduce.projects.models import Project
from coproduce.recruitment.models import Brief, EasyReadLine
from coproduce.surveys.models import Survey, SurveyStatus

SHOWN = 25  # rows listed of each kind; the count says how many more


@dataclass(frozen=True)
class Row:
    title: str
    project: str
    link: str


@dataclass(frozen=True)
class Kind:
    name: StrOrPromise
    rows: list[Row]
    count: int


def _kind(name: StrOrPromise, rows: list[Row], queryset: "QuerySet[Any]") -> Kind:
    count = len(rows) if len(rows) < SHOWN else queryset.count()
    return Kind(name, rows, count)


def to_translate(
    projects: "QuerySet[Project]", today: datetime.date, now: datetime.datetime
) -> list[Kind]:
    """The kinds of item still without Welsh in `projects` (those the member's staff see)."""
    ours = Q(project__in=projects.values("pk"))
    kinds = []

    in_projects = Project.objects.filter(pk__in=projects.values("pk")).filter(
        missing_welsh(*Project.TRANSLATED)
    )
    found = in_projects.order_by("title", "pk")[:SHOWN]
    rows = [Row(p.title, "", reverse("projects:edit", args=[p.pk])) for p in found]
    kinds.append(_kind(_("Projects"), rows, in_projects))

    lines_missing = EasyReadLine.objects.filter(brief=OuterRef("pk")).filter(
        missing_welsh(*EasyReadLine.TRANSLATED)
    )
    briefs = (
        Brief.objects.filter(ours, published_at__isnull=False, closes_on__gte=today)
        .annotate(lines_missing=Exists(lines_missing))
        .filter(missing_welsh(*Brief.TRANSLATED) | Q(lines_missing=True))
    )
    rows = [
        Row(
            b.title,
            b.project.title,
            reverse("recruitment:brief-edit", args=[b.pk])
            if welsh_missing(b, *Brief.TRANSLATED, language="cy")
            else reverse("recruitment:easy-read", args=[b.pk]),
        )
        for b in briefs.select_related("project").order_by("closes_on", "pk")[:SHOWN]
    ]
    kinds.append(_kind(_("Open briefs and their easy-read versions"), rows, briefs))

    activities = Activity.objects.filter(
        ours,
        Q(status=ActivityStatus.FINDING_A_TIME)
        | Q(status=ActivityStatus.SCHEDULED, starts_at__gte=now),
    ).filter(missing_welsh(*Activity.TRANSLATED))
    found_activities = activities.select_related("project").order_by("starts_at", "pk")
    rows = [
        Row(a.title, a.project.title, reverse("activities:welsh", args=[a.pk]))
        for a in found_activities[:SHOWN]
    ]
    kinds.append(_kind(_("Activities coming up"), rows, activities))

    proposals = Proposal.objects.filter(ours, status=ProposalStatus.OPEN).filter(
        missing_welsh(*Proposal.TRANSLATED)
    )
    rows = [
        Row(p.title, p.project.title, reverse("decisions:welsh", args=[p.pk]))
        for p in proposals.select_related("project").order_by("deadline", "pk")[:SHOWN]
    ]
    kinds.append(_kind(_("Open proposals"), rows, proposals))

    actions = Action.objects.filter(ours).filter(missing_welsh(*Action.TRANSLATED))
    rows = [
        Row(a.title, a.project.title, reverse("accountability:edit", args=[a.pk]))
        for a in actions.select_related("project").order_by("project__title", "pk")[:SHOWN]
    ]
    kinds.append(_kind(_("You said, we did actions"), rows, actions))

    surveys = Survey.objects.filter(ours, status=SurveyStatus.OPEN).filter(
        missing_welsh("title", "intro")
    )
    rows = [
        Row(s.title, s.project.title, reverse("surveys:edit", args=[s.pk]))
        for s in surveys.select_related("project").order_by("pk")[:SHOWN]
    ]
    kinds.append(_kind(_("Open surveys"), rows, surveys))
    return kinds
