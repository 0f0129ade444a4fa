"""Which of an organisation's carers a brief should reach: a query built from staff's choices.

Equality monitoring answers are used only for people whose latest equality consent is
"yes", and only to match: staff see who matched, never anyone's answers.
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.people.models import Consent, ConsentKind, Person
from coproduce.recruitment.models import Brief


@dataclass(frozen=True)
class Group:
    label: StrOrPromise
    condition: Q


GROUPS: dict[str, Group] = {
    "asian": Group(
        _("Asian, Asian British or Asian Welsh carers"),
        Q(equality__ethnic_group__startswith="asian_"),
    ),
    "black": Group(
        _("Black, Black British, Black Welsh, Caribbean or African carers"),
        Q(equality__ethnic_group__startswith="black_"),
    ),
    "mixed": Group(
        _("Carers of mixed or multiple ethnic groups"),
        Q(equality__ethnic_group__startswith="mixed_"),
    ),
    "other_ethnic": Group(
        _("Carers of other ethnic groups"), Q(equality__ethnic_group__startswith="other_")
    ),
    "white_minority": Group(
        _("Irish, Gypsy, Traveller, Roma and other White carers"),
        Q(
            equality__ethnic_group__in=[
                "white_irish",
                "white_gypsy_traveller",
                "white_roma",
                "white_other",
            ]
        ),
    ),
    "men": Group(_("Men"), Q(equality__sex="male")),
    "young": Group(
        _("Young carers and young adult carers (up to 24)"),
        Q(equality__age_band__in=["under_18", "18_24"]) | Q(equality__young_carer=True),
    ),
    "older": Group(_("Carers aged 75 or over"), Q(equality__age_band__in=["75_84", "85_plus"])),
    "disabled": Group(_("Disabled carers"), Q(equality__disability__in=["a_lot", "a_little"])),
    "care_50_plus": Group(
        _("Carers caring 50 or more hours a week"), Q(equality__care_hours="hours_50_plus")
    ),
}


@dataclass(frozen=True)
class Criteria:
    keywords: list[str] = field(default_factory=list)
    language: str = ""
    areas: list[str] = field(default_factory=list)
    availability: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    @classmethod
    def from_form(cls, data: dict[str, object]) -> "Criteria":
        raw = str(data.get("keywords") or "")
        return cls(
            keywords=[word.strip() for word in raw.split(",") if word.strip()],
            language=str(data.get("language") or ""),
            areas=list(data.get("areas") or []),  # type: ignore[call-overload]
            availability=list(data.get("availability") or []),  # type: ignore[call-overload]
            groups=list(data.get("groups") or []),  # type: ignore[call-overload]
        )


def latest_consent(kind: ConsentKind) -> Subquery:
    return Subquery(
        Consent.objects.filter(person=OuterRef("pk"), kind=kind)
        .order_by("-recorded_at", "-pk")
        .values("given")[:1]
    )


def any_of(conditions: list[Q]) -> Q:
    combined = Q(pk__in=[])
    for condition in conditions:
        combined |= condition
    return combined


def matching_carers(brief: Brief, criteria: Criteria) -> QuerySet[Person]:
    """Carers of the brief's organisation who agreed to be contacted, have not answered the
    brief yet, and match every criterion given (any of the values within one)."""
    people = (
        Person.objects.filter(
            organisation_id=brief.project.organisation_id,
            erased_at=None,
            carer_profile__isnull=False,
        )
        .alias(contact_consent=latest_consent(ConsentKind.CONTACT))
        .filter(contact_consent=True)
        .exclude(expressions_of_interest__brief=brief)
    )
    if criteria.keywords:
        people = people.filter(
            any_of([Q(carer_profile__caring_situation__icontains=w) for w in criteria.keywords])
        )
    if criteria.language:
        people = people.filter(preferred_language=criteria.language)
    if criteria.areas:
        people = people.filter(any_of([area_condition(area) for area in criteria.areas]))
    if criteria.availability:
        people = people.filter(
            any_of(
                [Q(carer_profile__availability__icontains=f'"{v}"') for v in criteria.availability]
            )
        )
    groups = [GROUPS[key].condition for key in criteria.groups if key in GROUPS]
    if groups:
        people = (
            people.alias(equality_consent=latest_consent(ConsentKind.EQUALITY))
            .filter(equality_consent=True)
            .filter(any_of(groups))
        )
    return people.order_by("full_name", "pk")


def area_condition(area: str) -> Q:
    """A district ("GU1") is the whole outward code; an area ("GU") is its letters."""
    if any(ch.isdigit() for ch in area):
        return Q(postcode__iexact=area) | Q(postcode__istartswith=f"{area} ")
    return Q(postcode__iregex=rf"^{area}[0-9]")
