"""The dashboards: staff only (the organisation's, and each project's from its page), each
figure as a chart and a table with a CSV, small groups hidden in both, a fixed number of
queries whatever the amount of data."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.conftest import Member
from coproduce.insight import views
from coproduce.insight.tests.factories import scene
from coproduce.people.actions import save_equality
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory

pytestmark = pytest.mark.django_db

ORGANISATION = reverse("insight:organisation")
ANSWERS = {
    "consent": True,
    "age_band": "50_64",
    "sex": "female",
    "ethnic_group": "white_british",
    "disability": "no",
    "care_hours": "hours_50_plus",
    "young_carer": "no",
}


def project_url(project: Project) -> str:
    return reverse("insight:project", args=[project.pk])


def rows_of(response: object) -> list[list[str]]:
    content = response.content.decode()  # type: ignore[attr-defined]
    return list(csv.reader(io.StringIO(content)))


def carers_answering(project: Project, count: int) -> None:
    user = project.coordinator.user
    for _ in range(count):
        person = CarerFactory.create(organisation=project.organisation)
        ProjectMemberFactory.create(project=project, person=person)
        save_equality(user, person, ANSWERS)  # type: ignore[arg-type]


# --- Who may see them ----------------------------------------------------------------------


def test_a_coordinator_sees_the_organisation_dashboard_from_the_menu(
    coordinator_client: Client, project: Project
) -> None:
    home = coordinator_client.get(reverse("projects:list")).content.decode()
    response = coordinator_client.get(ORGANISATION)

    body = response.content.decode()
    assert ORGANISATION in home
    assert response.status_code == 200
    for title in [
        "People involved over time",
        "Ethnic group",
        "Notice given, changes and cancellations",
        "Channels used",
        "Contributions by response",
        "Time to a response",
        "Decisions and their outcomes",
        "Payments by method",
        "Budget use",
    ]:
        assert f"Table: {title}" in body
    assert "There is nothing to chart in these dates." in body  # nothing happened yet
    assert "csv=people" in body
    assert project.title in body  # the project filter offers it
    assert reverse("insight:census") not in body  # only admins upload


def test_an_admin_is_offered_the_census_upload(admin_client_a: Client) -> None:
    body = admin_client_a.get(ORGANISATION).content.decode()
    assert reverse("insight:census") in body


def test_each_chart_is_an_svg_labelled_for_screen_readers_with_a_title_on_each_bar(
    coordinator_client: Client, coordinator: Member, staff_b: Member
) -> None:
    scene(coordinator.organisation, staff_b.organisation, coordinator.user, 7, 3)
    query = "?date_from-day=1&date_from-month=1&date_from-year=2025"
    query += "&date_to-day=30&date_to-month=11&date_to-year=2026"

    body = coordinator_client.get(ORGANISATION + query).content.decode()

    charts = body.count('role="img"')
    assert charts >= 8
    assert body.count('aria-labelledby="chart-') == charts
    assert "<title>Phone call, Views given: " in body


@pytest.mark.parametrize("who", ["carer_client", "professional_client"])
def test_carers_and_partners_cannot_see_the_dashboards(
    who: str, request: pytest.FixtureRequest, project: Project
) -> None:
    client: Client = request.getfixturevalue(who)
    assert client.get(ORGANISATION).status_code == 403
    assert client.get(project_url(project)).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client: Client, project: Project) -> None:
    assert client.get(ORGANISATION).status_code == 302
    assert client.get(project_url(project)).status_code == 302


def test_another_organisations_staff_cannot_see_a_project_dashboard(
    staff_b_client: Client, project: Project
) -> None:
    assert staff_b_client.get(project_url(project)).status_code == 404
    assert staff_b_client.get(project_url(project) + "?csv=people").status_code == 404


def test_the_organisation_dashboard_counts_only_its_own_projects(
    staff_b_client: Client, project: Project
) -> None:
    body = staff_b_client.get(ORGANISATION).content.decode()
    assert project.title not in body


def test_the_project_page_links_to_its_dashboard_with_the_rung(
    coordinator_client: Client, project: Project
) -> None:
    page = coordinator_client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    response = coordinator_client.get(project_url(project))

    body = response.content.decode()
    assert project_url(project) in page
    assert response.status_code == 200
    assert "The rung it reached" in body
    assert "Educating" in body
    assert "Table: Budget use" in body


def test_dashboards_only_read(coordinator_client: Client, project: Project) -> None:
    assert coordinator_client.post(ORGANISATION).status_code == 405
    assert coordinator_client.post(project_url(project)).status_code == 405


# --- Tables as CSV, and small groups ----------------------------------------------------------


def test_each_table_downloads_as_a_csv(coordinator_client: Client, project: Project) -> None:
    response = coordinator_client.get(ORGANISATION + "?csv=channels")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert rows[0] == ["Channel", "Views given"]
    assert ["Phone call", "0"] in rows


def test_an_unknown_table_is_not_found(coordinator_client: Client) -> None:
    assert coordinator_client.get(ORGANISATION + "?csv=nonsense").status_code == 404


def test_a_group_of_fewer_than_five_is_hidden_on_the_page_and_in_the_csv(
    coordinator_client: Client, project: Project
) -> None:
    carers_answering(project, 4)

    page = coordinator_client.get(project_url(project)).content.decode()
    rows = rows_of(coordinator_client.get(project_url(project) + "?csv=makeup-sex"))

    female = next(row for row in rows if row[0] == "Female")
    assert female[1] == "fewer than 5"
    assert "100.0" not in ",".join(female)
    assert "fewer than 5" in page


def test_a_group_of_five_or_more_is_shown(coordinator_client: Client, project: Project) -> None:
    carers_answering(project, 6)

    rows = rows_of(coordinator_client.get(project_url(project) + "?csv=makeup-sex"))

    assert next(row for row in rows if row[0] == "Female")[1] == "100.0"
    assert next(row for row in rows if row[0] == "Male")[1] == "0.0"


# --- Filters ----------------------------------------------------------------------------------


def test_dates_the_wrong_way_round_are_an_error(coordinator_client: Client) -> None:
    query = "?date_from-day=1&date_from-month=6&date_from-year=2026"
    query += "&date_to-day=1&date_to-month=1&date_to-year=2026"

    response = coordinator_client.get(ORGANISATION + query)

    assert response.status_code == 400
    assert "“To” must be the same as or after “From”" in response.content.decode()


def test_choosing_a_project_counts_only_it(
    coordinator_client: Client, coordinator: Member, project: Project
) -> None:
    other = ProjectFactory.create(organisation=coordinator.organisation, title="Young carers")
    query = f"?project={project.pk}&csv=budget"

    rows = rows_of(coordinator_client.get(ORGANISATION + query))

    assert [row[0] for row in rows[1:]] == [project.title]
    assert other.title not in str(rows)


def test_an_organisation_with_many_projects_is_not_offered_each_by_name(
    coordinator_client: Client, coordinator: Member, project: Project
) -> None:
    """The filter's list would grow with the organisation: above the most it offers, the
    page sends staff to each project's own dashboard instead."""
    page = coordinator_client.get(ORGANISATION).content.decode()
    assert "All projects" in page
    ProjectFactory.create_batch(
        views.MOST_PROJECTS_TO_CHOOSE, organisation=coordinator.organisation
    )
    page = coordinator_client.get(ORGANISATION).content.decode()
    assert "All projects" not in page
    assert "find it in your projects and open its dashboard" in page


def test_a_project_of_another_organisation_cannot_be_chosen(
    coordinator_client: Client, staff_b: Member
) -> None:
    theirs = ProjectFactory.create(organisation=staff_b.organisation)
    response = coordinator_client.get(ORGANISATION + f"?project={theirs.pk}")
    assert response.status_code == 400


# --- Speed ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "size"), [(5, 1), (6, 5)])
def test_the_dashboards_take_the_same_queries_however_much_they_hold(
    coordinator_client: Client,
    coordinator: Member,
    staff_b: Member,
    project: Project,
    django_assert_num_queries: DjangoAssertNumQueries,
    seed: int,
    size: int,
) -> None:
    scene(coordinator.organisation, staff_b.organisation, coordinator.user, seed, size)
    # 4 to sign in (session, user, authenticator, membership), the projects to choose
    # from, 10 figures; the project's dashboard: the project and its rung (4) instead of
    # the choice.
    with django_assert_num_queries(15):
        assert coordinator_client.get(ORGANISATION).status_code == 200
    with django_assert_num_queries(19):
        assert coordinator_client.get(project_url(project)).status_code == 200
