"""What the open API sends and takes (pydantic, through django-ninja): the OpenAPI schema
is made from these. Rows are built by `endpoints.py` from querysets that came through
each app's access module; no schema reads a relation it was not given."""

import datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from coproduce.contributions.models import MAX_TEXT_LENGTH, ContributionChannel, Privacy

MAX_ID = 2**63 - 1  # the largest row id a database column holds


class Problem(Schema):
    """Why a request was refused, in words."""

    detail: str


class Page(Schema):
    """One page of a list, in the order of `id`. Send `next_cursor` back as `cursor` for
    the next page; it is null on the last page."""

    next_cursor: str | None


class PersonOut(Schema):
    id: int
    full_name: str
    known_as: str
    email: str
    phone: str
    postcode: str
    preferred_language: str
    created_at: datetime.datetime


class PeoplePage(Page):
    results: list[PersonOut]


class ProjectOut(Schema):
    id: int
    organisation_id: int
    partnership_id: int | None
    title: str
    aims: str
    stage: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    coordinator_id: int | None


class ProjectsPage(Page):
    results: list[ProjectOut]


class ActivityOut(Schema):
    id: int
    project_id: int
    kind: str
    title: str
    format: str
    status: str
    starts_at: datetime.datetime | None
    duration_minutes: int
    venue_name: str
    cancelled_at: datetime.datetime | None


class ActivitiesPage(Page):
    results: list[ActivityOut]


class ContributionOut(Schema):
    """`person_id` and `person_name` are null unless staff of the organisation may see who
    gave it (never for an anonymous one); `text` is null where staff may not read it."""

    id: int
    project_id: int | None
    activity_id: int | None
    channel: str
    privacy: str
    given_on: datetime.date
    status: str
    response: str
    person_id: int | None
    person_name: str | None
    text: str | None


class ContributionsPage(Page):
    results: list[ContributionOut]


class ContributionIn(Schema):
    """A view to record. An anonymous one takes no `person_id`: it is linked to nobody."""

    channel: ContributionChannel
    privacy: Privacy
    text: str = Field(min_length=1, max_length=MAX_TEXT_LENGTH)
    project_id: int | None = Field(None, ge=1, le=MAX_ID)
    activity_id: int | None = Field(None, ge=1, le=MAX_ID)
    person_id: int | None = Field(None, ge=1, le=MAX_ID)
    given_on: datetime.date | None = None


class ActionOut(Schema):
    id: int
    project_id: int
    title: str
    description: str
    status: str
    reason: str
    planned_for: datetime.date | None
    done_on: datetime.date | None


class ActionsPage(Page):
    results: list[ActionOut]


class ClaimOut(Schema):
    """A claim's state; never the payee's bank details."""

    id: int
    project_id: int
    person_id: int
    status: str
    method: str
    benefit_warning: bool
    created_at: datetime.datetime
    submitted_at: datetime.datetime | None


class ClaimsPage(Page):
    results: list[ClaimOut]


class ReferralOut(Schema):
    id: int
    scheme_id: int
    practice_id: int
    status: str
    carer_name: str
    person_id: int | None
    break_kind: str
    eligible: bool | None
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    amount: Decimal | None


class ReferralsPage(Page):
    results: list[ReferralOut]
