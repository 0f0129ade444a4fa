"""axe-core on the agenda pages, open-door feedback as evaluation evidence (issue 12) and the invitation preview (issue 14): an activity's agenda with a carer's suggestion
waiting, as the coordinator (the agenda, deciding on the suggestion) and as the carer in the
group (the activity, suggesting an item); each form's error state is checked too."""

import pytest
from playwright.sync_api import Page
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from coproduce.activities import agenda_actions
from coproduce.activities.tests.planning_setup import activity_of, project_with
from coproduce.browser_tests.conftest import sign_in
from coproduce.browser_tests.test_accessibility import Report, _submit_forms_empty
from coproduce.conftest import Member
from coproduce.contributions import actions as contributions_actions
from coproduce.contributions.models import ContributionChannel, Privacy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AGENDA_PAGES = {
    "coordinator": [
        "/activities/{pk}/",
        "/activities/{pk}/agenda/",
        "/activities/{pk}/agenda/suggestions/{item}/",
    ],
    "carer": ["/activities/{pk}/", "/activities/{pk}/agenda/suggest/"],
}


@pytest.mark.parametrize("role", ["coordinator", "carer"])
def test_the_agenda_pages_pass_axe(
    page: Page,
    live_server: LiveServer,
    coordinator: Member,
    carer: Member,
    settings: Settings,
    role: str,
) -> None:
    settings.NOTIFY_API_KEY = ""
    activity = activity_of(project_with(coordinator, carer))
    agenda_actions.add_item(activity, "Welcome", "")
    agenda_actions.add_item(activity, "The checklist", "What the wards tried")
    declined = agenda_actions.suggest_item(activity, carer.person, "Parking", "", False)
    agenda_actions.decline(coordinator.user, declined, "The trust answered this last month")
    item = agenda_actions.suggest_item(activity, carer.person, "Carers' stories", "", True)
    sign_in(page, live_server, {"coordinator": coordinator, "carer": carer}[role], check=False)
    report = Report()
    submitted: set[tuple[str, str]] = set()
    for template in AGENDA_PAGES[role]:
        path = template.format(pk=activity.pk, item=item.pk)
        url = f"{live_server.url}{path}"
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, f"{path} answered {response.status}"
        report.audit(page, path)
        _submit_forms_empty(page, url, path, report, submitted)
    assert not report.failures, "\n\n".join(report.failures)


def test_filing_open_door_feedback_and_the_evaluation_evidence_pass_axe(
    page: Page,
    live_server: LiveServer,
    coordinator: Member,
    carer: Member,
    settings: Settings,
) -> None:
    settings.NOTIFY_API_KEY = ""
    project = project_with(coordinator, carer)
    filed, waiting = (
        contributions_actions.record_contribution(
            organisation=coordinator.organisation,
            channel=ContributionChannel.OPEN_DOOR,
            privacy=Privacy.ANONYMOUS,
            person=None,
            text=text,
        )
        for text in ("The café was the best afternoon of my month", "Evening meetings please")
    )
    contributions_actions.file_under_project(filed, project)
    sign_in(page, live_server, coordinator, check=False)
    report = Report()
    submitted: set[tuple[str, str]] = set()
    for path in (
        f"/contributions/{waiting.pk}/",
        f"/contributions/{waiting.pk}/project/",
        f"/projects/{project.pk}/evaluation/",
    ):
        url = f"{live_server.url}{path}"
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, f"{path} answered {response.status}"
        report.audit(page, path)
        if path.endswith("/project/"):
            _submit_forms_empty(page, url, path, report, submitted)
    assert not report.failures, "\n\n".join(report.failures)


def test_the_invitation_preview_passes_axe_at_320px(
    page: Page,
    live_server: LiveServer,
    coordinator: Member,
    carer: Member,
    settings: Settings,
) -> None:
    """The preview of an invitation (issue 14): no one chosen, a carer chosen (email, text,
    letter), a choice that is not in the group (the error state), and on a 320px screen."""
    from coproduce.notifications.models import Message

    settings.NOTIFY_API_KEY = ""
    activity = activity_of(project_with(coordinator, carer))
    sign_in(page, live_server, coordinator, check=False)
    report = Report()
    base = f"{live_server.url}/activities/{activity.pk}/invitations/preview/"
    for query, status in (("", 200), (f"?person={carer.person.pk}", 200), ("?person=0", 400)):
        for width in (1024, 320):
            page.set_viewport_size({"width": width, "height": 800})
            response = page.goto(base + query)
            assert response is not None
            assert response.status == status, f"{query} answered {response.status}"
            report.audit(page, f"preview{query} at {width}px")
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= width, f"preview{query} scrolls sideways at {width}px"
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(base)
    page.select_option("select[name=person]", str(carer.person.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Show the invitation").click()
    assert "How it will be sent" in page.content()
    assert not Message.objects.exists()
    assert not report.failures, "\n\n".join(report.failures)
