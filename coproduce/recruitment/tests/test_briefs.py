import datetime

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.projects.models import Project
from coproduce.recruitment.models import Brief
from coproduce.recruitment.tests.factories import BriefFactory, ExpressionFactory

TODAY = datetime.date.today()


def brief_data(**overrides: str) -> dict[str, object]:
    opens, closes = TODAY, TODAY + datetime.timedelta(days=21)
    data: dict[str, object] = {
        "title": "Design the new carers' assessment",
        "work": "Help us write the questions.",
        "time_commitment": "Three meetings of two hours",
        "dates": "",
        "where_and_how": "Online, on Zoom",
        "online_group": "yes",
        "support": ["travel", "other"],
        "support_other": "A laptop to borrow",
        "payment": "£20 an hour",
        "who_for": "Carers who have had an assessment",
        "opens_on-day": str(opens.day),
        "opens_on-month": str(opens.month),
        "opens_on-year": str(opens.year),
        "closes_on-day": str(closes.day),
        "closes_on-month": str(closes.month),
        "closes_on-year": str(closes.year),
    }
    data.update(overrides)
    return data


def test_coordinator_sees_the_projects_briefs_with_status_and_counts(
    coordinator_client: Client, recruiting_project: Project, brief: Brief, draft: Brief
) -> None:
    ExpressionFactory.create_batch(2, brief=brief)
    html = coordinator_client.get(
        reverse("recruitment:briefs", args=[recruiting_project.pk])
    ).content.decode()
    assert "Hospital discharge" in html
    assert "A draft brief" in html
    assert "Open" in html
    assert "Draft" in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in html


@pytest.mark.parametrize("rows", [2, 30])
def test_the_briefs_list_runs_a_fixed_number_of_queries(
    coordinator_client: Client,
    recruiting_project: Project,
    rows: int,
    django_assert_num_queries: object,
) -> None:
    for brief in BriefFactory.create_batch(rows, project=recruiting_project):
        ExpressionFactory.create(brief=brief)
    # session, user, membership, OTP device, project, briefs with their counts
    with django_assert_num_queries(6):  # type: ignore[operator]
        response = coordinator_client.get(
            reverse("recruitment:briefs", args=[recruiting_project.pk])
        )
    assert response.status_code == 200


def test_carers_cannot_manage_briefs(
    carer_client: Client, recruiting_project: Project, brief: Brief
) -> None:
    assert (
        carer_client.get(reverse("recruitment:briefs", args=[recruiting_project.pk])).status_code
        == 403
    )
    assert carer_client.get(reverse("recruitment:brief", args=[brief.pk])).status_code == 403


def test_other_organisations_briefs_are_not_found(
    coordinator_client: Client, b_brief: Brief
) -> None:
    assert (
        coordinator_client.get(reverse("recruitment:briefs", args=[b_brief.project_id])).status_code
        == 404
    )
    for name in ("recruitment:brief", "recruitment:brief-edit", "recruitment:easy-read"):
        assert coordinator_client.get(reverse(name, args=[b_brief.pk])).status_code == 404
    response = coordinator_client.post(reverse("recruitment:brief-unpublish", args=[b_brief.pk]))
    assert response.status_code == 404
    b_brief.refresh_from_db()
    assert b_brief.is_published


def test_coordinator_writes_a_brief_as_a_draft(
    coordinator_client: Client, coordinator: Member, recruiting_project: Project
) -> None:
    response = coordinator_client.post(
        reverse("recruitment:brief-new", args=[recruiting_project.pk]), brief_data()
    )
    brief = Brief.objects.get(project=recruiting_project)
    assert response["Location"] == reverse("recruitment:brief", args=[brief.pk])
    assert brief.published_at is None
    assert brief.online_group is True
    assert brief.support == ["travel", "other"]
    assert brief.support_labels() == ["Travel costs", "A laptop to borrow"]
    assert brief.created_by == coordinator.user


def test_closing_before_opening_is_refused_and_everything_typed_is_kept(
    coordinator_client: Client, recruiting_project: Project
) -> None:
    data = brief_data(**{"closes_on-year": str(TODAY.year - 1), "title": "Typed title"})
    response = coordinator_client.post(
        reverse("recruitment:brief-new", args=[recruiting_project.pk]), data
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "The closing date must be the same as or after the opening date" in html
    assert 'href="#id_closes_on-day"' in html
    assert 'value="Typed title"' in html
    assert "A laptop to borrow" in html
    assert not Brief.objects.exists()


def test_missing_answers_are_each_named(
    coordinator_client: Client, recruiting_project: Project
) -> None:
    response = coordinator_client.post(
        reverse("recruitment:brief-new", args=[recruiting_project.pk]), {"title": ""}
    )
    html = response.content.decode()
    assert response.status_code == 400
    for message in ("Enter a title", "Enter what the work is", "Enter the opening date"):
        assert message in html


def test_coordinator_changes_a_brief(coordinator_client: Client, brief: Brief) -> None:
    url = reverse("recruitment:brief-edit", args=[brief.pk])
    form = coordinator_client.get(url).content.decode()
    assert 'value="Hospital discharge"' in form
    response = coordinator_client.post(url, brief_data(title="A better title", online_group="no"))
    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.title == "A better title"
    assert brief.online_group is False


def test_publishing_and_unpublishing_a_brief(coordinator_client: Client, draft: Brief) -> None:
    response = coordinator_client.post(reverse("recruitment:brief-publish", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    page = coordinator_client.get(reverse("recruitment:brief", args=[draft.pk])).content.decode()
    assert str(draft.public_id) in page
    coordinator_client.post(reverse("recruitment:brief-unpublish", args=[draft.pk]))
    draft.refresh_from_db()
    assert not draft.is_published


def test_a_brief_that_has_closed_cannot_be_published(
    coordinator_client: Client, recruiting_project: Project
) -> None:
    old = BriefFactory.create(
        project=recruiting_project,
        opens_on=TODAY - datetime.timedelta(days=30),
        closes_on=TODAY - datetime.timedelta(days=1),
    )
    response = coordinator_client.post(reverse("recruitment:brief-publish", args=[old.pk]))
    assert response.status_code == 400
    assert "The closing date has passed" in response.content.decode()
    old.refresh_from_db()
    assert not old.is_published


def test_publishing_needs_a_post(coordinator_client: Client, draft: Brief) -> None:
    response = coordinator_client.get(reverse("recruitment:brief-publish", args=[draft.pk]))
    assert response.status_code == 405


def test_the_brief_page_links_to_everything(coordinator_client: Client, brief: Brief) -> None:
    html = coordinator_client.get(reverse("recruitment:brief", args=[brief.pk])).content.decode()
    for name in (
        "recruitment:brief-edit",
        "recruitment:easy-read",
        "recruitment:send",
        "recruitment:sent",
        "recruitment:expressions",
    ):
        assert reverse(name, args=[brief.pk]) in html
    assert reverse("recruitment:public-brief", args=[brief.public_id]) in html
