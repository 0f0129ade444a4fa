"""The open API, version 1 (django-ninja; see docs/adr/0007-open-api.md).

Every handler names the scope it needs, then reads through the owning app's access module
with the token's organisation, exactly as that organisation's admins' pages do. Lists are
pages in the order of `id` with an opaque cursor; each runs a fixed number of queries.
"""

from collections.abc import Callable, Iterable
from typing import Annotated, Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Path, Query, Schema, Status
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer
from pydantic import Field

from coproduce.accountability.access import actions_of_organisation
from coproduce.activities.access import activities_of_organisation
from coproduce.api import access, actions, rules
from coproduce.api.models import ApiToken
from coproduce.api.rules import Area, Level
from coproduce.api.schemas import (
    MAX_ID,
    ActionOut,
    ActionsPage,
    ActivitiesPage,
    ActivityOut,
    ClaimOut,
    ClaimsPage,
    ContributionIn,
    ContributionOut,
    ContributionsPage,
    PeoplePage,
    PersonOut,
    Problem,
    ProjectOut,
    ProjectsPage,
    ReferralOut,
    ReferralsPage,
)
from coproduce.breaks.access import referrals_paid_by
from coproduce.contributions.access import contributions_given_to
from coproduce.contributions.actions import record_contribution
from coproduce.contributions.models import Contribution
from coproduce.contributions.rules import Viewer, shown
from coproduce.payments.access import claims_of_organisation
from coproduce.people.access import people_of_organisation
from coproduce.projects.access import projects_of_organisation
from coproduce.tenancy.access import one

M = TypeVar("M", bound=Model)
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class Refused(Exception):
    def __init__(self, status: int, reason: str, retry_after: int | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.retry_after = retry_after


class TokenAuth(HttpBearer):
    """`Authorization: Bearer cpd_...`: the token, if known, live and within its limit."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        found = access.token_sent(token)
        if found is None:
            raise Refused(401, "This token is not known: check it was copied whole")
        if found.revoked_at is not None:
            actions.record_refusal(found, "revoked token used")
            raise Refused(401, "This token was revoked: ask an admin for a new one")
        retry_after = actions.count_request(found)
        if retry_after is not None:
            raise Refused(429, "Too many requests: wait and try again", retry_after)
        return found


api = NinjaAPI(
    title="Coproduce",
    version="1",
    description=(
        "An organisation's own data, for its own systems. Each request sends an API token "
        "(made by an admin under API tokens) as `Authorization: Bearer <token>`; the token "
        "acts for its organisation only, with the scopes chosen for it."
    ),
    urls_namespace="api-v1",
    docs_url=None,
    openapi_url="/openapi.json",
    auth=TokenAuth(),
)

REFUSALS: dict[int, type[Schema]] = {400: Problem, 401: Problem, 403: Problem, 429: Problem}
ONE = {**REFUSALS, 404: Problem}


@api.exception_handler(Refused)
def refused(request: HttpRequest, exc: Refused) -> HttpResponse:
    response = api.create_response(request, {"detail": exc.reason}, status=exc.status)
    if exc.retry_after is not None:
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(AuthenticationError)
def no_token(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    reason = "Send an API token in the Authorization header: Bearer <token>"
    return api.create_response(request, {"detail": reason}, status=401)


@api.exception_handler(ValidationError)
def bad_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg', '')}"
        for error in exc.errors
    )
    return api.create_response(request, {"detail": problems or "Bad input"}, status=400)


def granted(request: HttpRequest, area: Area, level: Level) -> ApiToken:
    """The request's token, if it has the scope; else 403, audited."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    if not rules.allows(token.scopes, area, level):
        reason = f"This token may not {level} {area}: it needs the {rules.scope(area, level)} scope"
        actions.record_refusal(token, reason)
        raise Refused(403, reason)
    return token


class ListParams(Schema):
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the page before")
    limit: int = Field(rules.PAGE_SIZE, ge=1, le=rules.MAX_PAGE_SIZE)


def page_of(
    rows: "QuerySet[M]", params: ListParams, shape: Callable[[M], Any] = lambda row: row
) -> dict[str, Any]:
    """One page of `rows` after the cursor, in the order of id, and the cursor for the next."""
    if params.cursor:
        try:
            rows = rows.filter(pk__gt=rules.pk_after(params.cursor))
        except rules.BadCursor:
            raise Refused(400, "That cursor was not given out here: start without one") from None
    found = list(rows.order_by("pk")[: params.limit + 1])
    more = len(found) > params.limit
    found = found[: params.limit]
    return {
        "results": [shape(row) for row in found],
        "next_cursor": rules.cursor_after(found[-1].pk) if more else None,
    }


def in_organisation(rows: "QuerySet[M]", pk: int | None, what: str) -> M | None:
    """The row `pk` named in a request's body, if the organisation may reach it; else 400."""
    if pk is None:
        return None
    try:
        return one(rows, pk=pk)
    except Http404:
        raise Refused(400, f"There is no {what} {pk} in your organisation") from None


# --- People, projects, activities ---------------------------------------------------------


@api.get("/people", response={200: PeoplePage, **REFUSALS}, url_name="people", tags=["people"])
def list_people(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    token = granted(request, Area.PEOPLE, Level.READ)
    return page_of(people_of_organisation(token.organisation_id), params)


@api.get("/people/{pk}", response={200: PersonOut, **ONE}, url_name="person", tags=["people"])
def get_person(request: HttpRequest, pk: Path[Id]) -> Any:
    token = granted(request, Area.PEOPLE, Level.READ)
    return one(people_of_organisation(token.organisation_id), pk=pk)


@api.get(
    "/projects", response={200: ProjectsPage, **REFUSALS}, url_name="projects", tags=["projects"]
)
def list_projects(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    token = granted(request, Area.PROJECTS, Level.READ)
    return page_of(projects_of_organisation(token.organisation_id), params)


@api.get("/projects/{pk}", response={200: ProjectOut, **ONE}, url_name="project", tags=["projects"])
def get_project(request: HttpRequest, pk: Path[Id]) -> Any:
    token = granted(request, Area.PROJECTS, Level.READ)
    return one(projects_of_organisation(token.organisation_id), pk=pk)


@api.get(
    "/activities",
    response={200: ActivitiesPage, **REFUSALS},
    url_name="activities",
    tags=["activities"],
)
def list_activities(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    token = granted(request, Area.ACTIVITIES, Level.READ)
    return page_of(activities_of_organisation(token.organisation_id), params)


@api.get(
    "/activities/{pk}", response={200: ActivityOut, **ONE}, url_name="activity", tags=["activities"]
)
def get_activity(request: HttpRequest, pk: Path[Id]) -> Any:
    token = granted(request, Area.ACTIVITIES, Level.READ)
    return one(activities_of_organisation(token.organisation_id), pk=pk)


# --- Contributions ------------------------------------------------------------------------


def contribution_out(viewer: Viewer, contribution: Contribution) -> dict[str, Any]:
    """A contribution as the privacy rules let the token's organisation see it."""
    seen = shown(viewer, contribution)
    return {
        "id": contribution.pk,
        "project_id": contribution.project_id,
        "activity_id": contribution.activity_id,
        "channel": contribution.channel,
        "privacy": contribution.privacy,
        "given_on": contribution.given_on,
        "status": contribution.status,
        "response": contribution.response,
        "person_id": contribution.person_id if seen.name is not None else None,
        "person_name": seen.name,
        "text": seen.text,
    }


@api.get(
    "/contributions",
    response={200: ContributionsPage, **REFUSALS},
    url_name="contributions",
    tags=["contributions"],
)
def list_contributions(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    token = granted(request, Area.CONTRIBUTIONS, Level.READ)
    viewer = rules.viewer_of(token.organisation_id)
    rows = contributions_given_to(viewer).select_related("person")
    return page_of(rows, params, lambda row: contribution_out(viewer, row))


@api.get(
    "/contributions/{pk}",
    response={200: ContributionOut, **ONE},
    url_name="contribution",
    tags=["contributions"],
)
def get_contribution(request: HttpRequest, pk: Path[Id]) -> dict[str, Any]:
    token = granted(request, Area.CONTRIBUTIONS, Level.READ)
    viewer = rules.viewer_of(token.organisation_id)
    return contribution_out(
        viewer, one(contributions_given_to(viewer).select_related("person"), pk=pk)
    )


@api.post(
    "/contributions",
    response={201: ContributionOut, **REFUSALS},
    url_name="contributions",
    tags=["contributions"],
)
def create_contribution(request: HttpRequest, data: ContributionIn) -> Status[dict[str, Any]]:
    """Record a view given to the organisation, as its giver chose to share it."""
    token = granted(request, Area.CONTRIBUTIONS, Level.WRITE)
    organisation_id = token.organisation_id
    project = in_organisation(projects_of_organisation(organisation_id), data.project_id, "project")
    activity = in_organisation(
        activities_of_organisation(organisation_id), data.activity_id, "activity"
    )
    person = in_organisation(people_of_organisation(organisation_id), data.person_id, "person")
    problem = rules.problem_with_contribution(
        text=data.text,
        privacy=data.privacy,
        person_given=person is not None,
        activity_project_id=activity.project_id if activity is not None else None,
        project_id=project.pk if project is not None else None,
        given_on=data.given_on,
        today=timezone.localdate(),
    )
    if problem is not None:
        raise Refused(400, problem)
    contribution = record_contribution(
        organisation=token.organisation,
        channel=data.channel,
        privacy=data.privacy,
        text=data.text,
        person=person,
        project=project,
        activity=activity,
        given_on=data.given_on,
    )
    return Status(201, contribution_out(rules.viewer_of(organisation_id), contribution))


# --- You Said, We Did; claims; break referrals --------------------------------------------


@api.get("/actions", response={200: ActionsPage, **REFUSALS}, url_name="actions", tags=["actions"])
def list_actions(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    token = granted(request, Area.ACTIONS, Level.READ)
    return page_of(actions_of_organisation(token.organisation_id), params)


@api.get("/actions/{pk}", response={200: ActionOut, **ONE}, url_name="action", tags=["actions"])
def get_action(request: HttpRequest, pk: Path[Id]) -> Any:
    token = granted(request, Area.ACTIONS, Level.READ)
    return one(actions_of_organisation(token.organisation_id), pk=pk)


@api.get("/claims", response={200: ClaimsPage, **REFUSALS}, url_name="claims", tags=["claims"])
def list_claims(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    token = granted(request, Area.CLAIMS, Level.READ)
    return page_of(claims_of_organisation(token.organisation_id), params)


@api.get("/claims/{pk}", response={200: ClaimOut, **ONE}, url_name="claim", tags=["claims"])
def get_claim(request: HttpRequest, pk: Path[Id]) -> Any:
    token = granted(request, Area.CLAIMS, Level.READ)
    return one(claims_of_organisation(token.organisation_id), pk=pk)


@api.get(
    "/referrals",
    response={200: ReferralsPage, **REFUSALS},
    url_name="referrals",
    tags=["referrals"],
)
def list_referrals(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    token = granted(request, Area.REFERRALS, Level.READ)
    return page_of(referrals_paid_by(token.organisation_id), params)


@api.get(
    "/referrals/{pk}", response={200: ReferralOut, **ONE}, url_name="referral", tags=["referrals"]
)
def get_referral(request: HttpRequest, pk: Path[Id]) -> Any:
    token = granted(request, Area.REFERRALS, Level.READ)
    return one(referrals_paid_by(token.organisation_id), pk=pk)


def operations() -> Iterable[tuple[str, str, str]]:
    """(method, path, summary) of every operation, for the documentation page."""
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path, operation.get("summary", "")
