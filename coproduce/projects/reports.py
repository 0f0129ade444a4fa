"""What a project's pages show that takes reading other tables: the evidence of carers'
involvement at each stage, and the group's make-up against the organisation and the area.
Each function runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.people.models import (
    AgeBand,
    CareHours,
    CarerProfile,
    Consent,
    ConsentKind,
    Disability,
    EqualityMonitoring,
    Sex,
)
from coproduce.projects import census, extensions, rules
from coproduce.projects.models import GroupRole, Project, ProjectMember

# --- Carers' involvement -----------------------------------------------------------------


def carer_evidence(project: Project, now: datetime | None = None) -> dict[str, set[str]]:
    """Stages in which carer members of the group took part, by each kind of evidence the
    apps registered (see coproduce.projects.extensions); a fixed number of queries."""
    return extensions.evidence_of(project, now or timezone.now())


# --- Group make-up -----------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    key: str
    label: StrOrPromise
    answered: Q  # which equality answers fall in this category


@dataclass(frozen=True)
class Characteristic:
    key: str
    title: StrOrPromise
    categories: tuple[Category, ...]


def _choices(
    field: str, choices: type[AgeBand | Sex | Disability | CareHours]
) -> tuple[Category, ...]:
    return tuple(
        Category(c.value, c.label, Q(**{field: c.value}))
        for c in choices
        if c.value != "prefer_not"
    )


CHARACTERISTICS: tuple[Characteristic, ...] = (
    Characteristic("age_band", _("Age"), _choices("age_band", AgeBand)),
    Characteristic("sex", _("Sex"), _choices("sex", Sex)),
    Characteristic(
        "ethnic_group",
        _("Ethnic group"),
        (
            Category(
                "white_british",
                _("White: English, Welsh, Scottish, Northern Irish or British"),
                Q(ethnic_group="white_british"),
            ),
            Category(
                "other",
                _("Any other ethnic group"),
                ~Q(ethnic_group__in=["", "prefer_not", "white_british"]),
            ),
        ),
    ),
    Characteristic("disability", _("Disability"), _choices("disability", Disability)),
    Characteristic(
        "care_hours", _("Hours of unpaid care each week"), _choices("care_hours", CareHours)
    ),
    Characteristic(
        "young_carer",
        _("Young carers"),
        (
            Category("yes", _("Young carer (under 18)"), Q(young_carer=True)),
            Category("no", _("Not a young carer"), Q(young_carer=False)),
        ),
    ),
)


def _consented(answers: QuerySet[EqualityMonitoring]) -> QuerySet[EqualityMonitoring]:
    """Only answers whose person's latest equality-monitoring consent is a yes."""
    latest = (
        Consent.objects.filter(person=OuterRef("person"), kind=ConsentKind.EQUALITY)
        .order_by("-recorded_at", "-pk")
        .values("given")[:1]
    )
    return answers.annotate(consent_given=Subquery(latest)).filter(consent_given=True)


def counts(answers: QuerySet[EqualityMonitoring]) -> dict[str, dict[str, int]]:
    """How many answers fall in each category of each characteristic, in one query."""
    aggregates = {
        f"{ch.key}__{cat.key}": Count("pk", filter=cat.answered)
        for ch in CHARACTERISTICS
        for cat in ch.categories
    }
    totals = _consented(answers).aggregate(**aggregates)
    return {
        ch.key: {cat.key: int(totals[f"{ch.key}__{cat.key}"] or 0) for cat in ch.categories}
        for ch in CHARACTERISTICS
    }


def group_answers(project: Project) -> QuerySet[EqualityMonitoring]:
    """Equality answers of the group's current carer members."""
    members = ProjectMember.objects.filter(
        project=project, role=GroupRole.CARER, left_on=None
    ).values("person_id")
    return EqualityMonitoring.objects.filter(person_id__in=members, person__erased_at=None)


def organisation_answers(project: Project) -> QuerySet[EqualityMonitoring]:
    """Equality answers of the carers of the organisation that owns the project."""
    carers = CarerProfile.objects.filter(person=OuterRef("person"))
    return EqualityMonitoring.objects.filter(
        Exists(carers), person__organisation_id=project.organisation_id, person__erased_at=None
    )


@dataclass(frozen=True)
class Row:
    label: StrOrPromise
    group: Decimal | None
    organisation: Decimal | None
    area: Decimal | None
    under_represented_against: str  # "area", "organisation" or ""


@dataclass(frozen=True)
class Table:
    characteristic: Characteristic
    group_answered: int
    organisation_answered: int
    area_name: str
    rows: list[Row]


def makeup(project: Project) -> list[Table]:
    """One table per characteristic: shares in the group, the organisation and the area.

    Shares are of the people who answered (not "prefer not to say"). A column is blank
    when fewer than rules.SMALLEST_GROUP_SHOWN answered. A category is flagged against
    the area when the Census figures describe it, otherwise against the organisation.
    """
    group = counts(group_answers(project))
    organisation = counts(organisation_answers(project))
    tables = []
    for ch in CHARACTERISTICS:
        group_shares = rules.shares(group[ch.key]) or {}
        org_shares = rules.shares(organisation[ch.key]) or {}
        area = census.carer_shares(project.organisation.area_code, ch.key)
        area_shares = area.shares if area else {}
        rows = []
        for cat in ch.categories:
            mine, theirs, local = (
                group_shares.get(cat.key),
                org_shares.get(cat.key),
                area_shares.get(cat.key),
            )
            if local is not None:
                against = "area" if rules.under_represented(mine, local) else ""
            else:
                against = "organisation" if rules.under_represented(mine, theirs) else ""
            rows.append(Row(cat.label, mine, theirs, local, against))
        tables.append(
            Table(
                characteristic=ch,
                group_answered=sum(group[ch.key].values()),
                organisation_answered=sum(organisation[ch.key].values()),
                area_name=area.area_name if area else "",
                rows=rows,
            )
        )
    return tables
