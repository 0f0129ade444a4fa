"""The open API: a token reads only its own organisation's rows, only in its scopes, with
the same privacy rules as the admins' pages; pages are stable; lists run a fixed number
of queries; refusals say why and are audited."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coproduce.accountability.models import Action
from coproduce.activities.tests.factories import ActivityFactory
from coproduce.api.models import ApiToken
from coproduce.api.tests.factories import api_client, token_text
from coproduce.audit.models import AuditAction, AuditEvent
from coproduce.breaks.models import Referral, ReferralStatus
from coproduce.conftest import BreaksScheme, Member
from coproduce.contributions.models import Contribution, Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.payments.models import Claim
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory

AREAS = ["people", "projects", "activities", "contributions", "actions", "claims", "referrals"]


@dataclass
class World:
    a: dict[str, set[int]]
    b: dict[str, set[int]]
    privacy: dict[str, int]


def rows_of(project: Project, person_pk: int, breaks: BreaksScheme | None) -> dict[str, set[int]]:
    """One row of every area in `project`'s organisation (and what it already had)."""
    activity = ActivityFactory.create(project=project)
    contribution = ContributionFactory.create(
        project=project, organisation=project.organisation, person_id=person_pk
    )
    action = Action.objects.create(project=project, title="Discharge checklist")
    claim = Claim.objects.create(
        organisation=project.organisation, project=project, person_id=person_pk
    )
    rows = {
        "people": set(project.organisation.people.values_list("pk", flat=True)),
        "projects": {project.pk},
        "activities": {activity.pk},
        "contributions": {contribution.pk},
        "actions": {action.pk},
        "claims": {claim.pk},
        "referrals": set(),
    }
    if breaks is not None:
        referral = Referral.objects.create(
            scheme=breaks.scheme,
            practice=breaks.practice,
            carer_name="Margaret Carer",
            status=ReferralStatus.SUBMITTED,
        )
        Referral.objects.create(scheme=breaks.scheme, practice=breaks.practice)  # a draft
        rows["referrals"] = {referral.pk}
    return rows


@pytest.fixture
def world(
    project: Project, carer: Member, staff_b: Member, carer_b: Member, breaks: BreaksScheme
) -> World:
    b_project = ProjectFactory.create(organisation=staff_b.organisation, coordinator=staff_b.person)
    b_rows = rows_of(b_project, carer_b.person.pk, None)
    a_rows = rows_of(project, carer.person.pk, breaks)
    privacy = {}
    for choice in (Privacy.ANONYMOUS_TO_GROUP, Privacy.ANONYMOUS, Privacy.CONFIDENTIAL):
        privacy[choice.value] = ContributionFactory.create(
            project=project,
            organisation=project.organisation,
            privacy=choice,
            person=None if choice == Privacy.ANONYMOUS else carer.person,
            text=f"Said {choice.value}",
        ).pk
    a_rows["contributions"] |= {privacy["anonymous_to_group"], privacy["anonymous"]}
    cache.clear()
    return World(a=a_rows, b=b_rows, privacy=privacy)


def ids(response: Any) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize("area", AREAS)
def test_a_token_lists_only_its_own_organisations_rows(world: World, area: str) -> None:
    a = api_client(token_text(Project.objects.get(pk=min(world.a["projects"])).organisation))
    b = api_client(token_text(Project.objects.get(pk=min(world.b["projects"])).organisation))
    assert ids(a.get(f"/api/v1/{area}")) == world.a[area]
    assert ids(b.get(f"/api/v1/{area}")) == world.b[area]


@pytest.mark.parametrize("area", [area for area in AREAS if area != "referrals"])
def test_another_organisations_row_is_not_found(world: World, area: str, carer: Member) -> None:
    client = api_client(token_text(carer.organisation))
    for pk in world.b[area]:
        response = client.get(f"/api/v1/{area}/{pk}")
        assert response.status_code == 404
    for pk in world.a[area]:
        assert client.get(f"/api/v1/{area}/{pk}").json()["id"] == pk


def contributions_seen(client: Client) -> dict[int, dict[str, Any]]:
    return {row["id"]: row for row in client.get("/api/v1/contributions").json()["results"]}


def test_contributions_follow_the_privacy_rules_of_the_admins_pages(
    world: World, carer: Member
) -> None:
    seen = contributions_seen(api_client(token_text(carer.organisation)))
    anonymous = seen[world.privacy["anonymous"]]
    assert anonymous["person_id"] is None
    assert anonymous["person_name"] is None
    assert anonymous["text"] == "Said anonymous"
    to_group = seen[world.privacy["anonymous_to_group"]]  # staff know who
    assert to_group["person_name"] == "Margaret Carer"
    assert world.privacy["confidential"] not in seen
    assert "Said confidential" not in str(seen)
    confidential = f"/api/v1/contributions/{world.privacy['confidential']}"
    assert api_client(token_text(carer.organisation)).get(confidential).status_code == 404


def test_a_people_token_cannot_read_claims_and_the_refusal_is_audited(
    world: World, carer: Member
) -> None:
    client = api_client(token_text(carer.organisation, ["people:read"]))
    assert client.get("/api/v1/people").status_code == 200
    response = client.get("/api/v1/claims")
    assert response.status_code == 403
    assert "claims:read" in response.json()["detail"]
    event = AuditEvent.objects.get(action=AuditAction.API_REFUSED)
    assert event.organisation == carer.organisation
    assert "claims:read" in event.detail


def contribution(**overrides: Any) -> dict[str, Any]:
    return {"channel": "phone", "privacy": "identifiable", "text": "Parking is hard", **overrides}


def post(client: Client, data: dict[str, Any]) -> Any:
    return client.post("/api/v1/contributions", data, content_type="application/json")


def test_a_read_token_cannot_write(world: World, carer: Member) -> None:
    client = api_client(token_text(carer.organisation, ["contributions:read"]))
    before = Contribution.objects.count()
    response = post(client, contribution(person_id=carer.person.pk))
    assert response.status_code == 403
    assert "contributions:write" in response.json()["detail"]
    assert Contribution.objects.count() == before


def test_a_write_token_records_a_contribution(
    world: World, carer: Member, project: Project
) -> None:
    client = api_client(token_text(carer.organisation, ["contributions:write"]))
    response = post(client, contribution(person_id=carer.person.pk, project_id=project.pk))
    assert response.status_code == 201, response.content
    stored = Contribution.objects.get(pk=response.json()["id"])
    assert stored.organisation == carer.organisation
    assert stored.person == carer.person
    assert stored.project == project
    assert response.json()["person_name"] == "Margaret Carer"


def test_an_anonymous_contribution_keeps_no_person(world: World, carer: Member) -> None:
    client = api_client(token_text(carer.organisation, ["contributions:write"]))
    refused = post(client, contribution(privacy="anonymous", person_id=carer.person.pk))
    assert refused.status_code == 400
    assert "linked to nobody" in refused.json()["detail"]
    response = post(client, contribution(privacy="anonymous"))
    assert response.status_code == 201
    assert Contribution.objects.get(pk=response.json()["id"]).person is None


def test_a_contribution_cannot_name_another_organisations_rows(
    world: World, carer: Member, carer_b: Member
) -> None:
    client = api_client(token_text(carer.organisation, ["contributions:write"]))
    before = Contribution.objects.count()
    b_project = min(world.b["projects"])
    for data in (contribution(person_id=carer_b.person.pk), contribution(project_id=b_project)):
        response = post(client, data)
        assert response.status_code == 400
        assert "in your organisation" in response.json()["detail"]
    assert Contribution.objects.count() == before


def test_bad_input_is_refused_with_a_reason(world: World, carer: Member) -> None:
    client = api_client(token_text(carer.organisation, ["contributions:write", "people:read"]))
    response = post(client, {"channel": "pigeon", "privacy": "identifiable", "text": "x"})
    assert response.status_code == 400
    assert "channel" in response.json()["detail"]
    assert client.get("/api/v1/people?limit=1000").status_code == 400
    assert client.get("/api/v1/people?cursor=made-up").json() == {
        "detail": "That cursor was not given out here: start without one"
    }


def test_a_revoked_token_is_refused_and_audited(world: World, carer: Member) -> None:
    client = api_client(token_text(carer.organisation))
    ApiToken.objects.update(revoked_at="2026-01-01T00:00Z")
    response = client.get("/api/v1/people")
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]
    assert AuditEvent.objects.filter(action=AuditAction.API_REFUSED, detail__contains="revoked")


@pytest.mark.parametrize(
    "header", [None, "Bearer ", "Bearer cpd_000000000000_nonsense", "Basic abc", "Bearer x"]
)
def test_a_request_without_a_known_token_is_refused(db: None, header: str | None) -> None:
    client = Client(headers={"Authorization": header} if header else {})
    response = client.get("/api/v1/people")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_a_token_with_the_right_prefix_but_wrong_secret_is_refused(carer: Member) -> None:
    text = token_text(carer.organisation)
    assert api_client(text[:-2] + "zz").get("/api/v1/people").status_code == 401


def test_cursor_pages_are_stable_as_rows_are_added(carer: Member) -> None:
    for _ in range(6):
        CarerFactory.create(organisation=carer.organisation)
    client = api_client(token_text(carer.organisation))
    first = client.get("/api/v1/people?limit=3").json()
    assert [row["id"] for row in first["results"]] == sorted(row["id"] for row in first["results"])
    added = CarerFactory.create(organisation=carer.organisation)
    seen = [row["id"] for row in first["results"]]
    cursor = first["next_cursor"]
    while cursor:
        page = client.get("/api/v1/people", {"limit": 3, "cursor": cursor}).json()
        seen += [row["id"] for row in page["results"]]
        cursor = page["next_cursor"]
    assert seen == sorted(set(seen))  # in order, none twice
    assert set(seen) == set(carer.organisation.people.values_list("pk", flat=True))
    assert seen[-1] == added.pk


MORE: dict[str, Callable[[Project, Member, BreaksScheme], object]] = {
    "people": lambda project, carer, breaks: CarerFactory.create(organisation=project.organisation),
    "projects": lambda project, carer, breaks: ProjectFactory.create(
        organisation=project.organisation, coordinator=project.coordinator
    ),
    "activities": lambda project, carer, breaks: ActivityFactory.create(project=project),
    "contributions": lambda project, carer, breaks: ContributionFactory.create(
        project=project, organisation=project.organisation, person=carer.person
    ),
    "actions": lambda project, carer, breaks: Action.objects.create(project=project, title="T"),
    "claims": lambda project, carer, breaks: Claim.objects.create(
        organisation=project.organisation,
        project=project,
        person=CarerFactory.create(organisation=project.organisation),
    ),
    "referrals": lambda project, carer, breaks: Referral.objects.create(
        scheme=breaks.scheme, practice=breaks.practice, status=ReferralStatus.SUBMITTED
    ),
}


@pytest.mark.parametrize("area", AREAS)
def test_each_list_runs_a_fixed_number_of_queries(
    area: str, project: Project, carer: Member, breaks: BreaksScheme, django_assert_num_queries: Any
) -> None:
    client = api_client(token_text(project.organisation))
    counts = []
    for extra in (1, 7):
        for _ in range(extra):
            MORE[area](project, carer, breaks)
        # the token (with its organisation), then the page
        with django_assert_num_queries(2):
            response = client.get(f"/api/v1/{area}?limit=100")
        counts.append(len(response.json()["results"]))
    assert counts[1] == counts[0] + 7


def test_too_many_requests_wait_as_told_and_the_first_refusal_is_audited(
    carer: Member, settings: Any
) -> None:
    settings.API_REQUESTS_PER_MINUTE = 3
    cache.clear()
    client = api_client(token_text(carer.organisation, ["people:read"]))
    for _ in range(3):
        assert client.get("/api/v1/people").status_code == 200
    for _ in range(2):
        refused = client.get("/api/v1/people")
        assert refused.status_code == 429
        assert 1 <= int(refused["Retry-After"]) <= 60
    assert AuditEvent.objects.filter(action=AuditAction.API_REFUSED).count() == 1
    other = api_client(token_text(carer.organisation, ["people:read"]))
    assert other.get("/api/v1/people").status_code == 200  # limits are per token
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/people")
    assert len(queries) == 1  # refused before any page is read
