"""Briefs and their easy-read lines in Welsh: written on the same forms, kept when the form
comes back with an error, and read in Welsh by the people the brief is sent to."""

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.notifications.actions import notify
from coproduce.people.models import Language
from coproduce.projects.models import Project
from coproduce.recruitment.models import Brief
from coproduce.recruitment.tests.test_briefs import brief_data


def test_a_brief_is_written_in_welsh_on_the_same_form(
    coordinator_client: Client, recruiting_project: Project
) -> None:
    url = reverse("recruitment:brief-new", args=[recruiting_project.pk])
    form = coordinator_client.get(url).content.decode()
    assert "In Welsh (optional)" in form
    assert 'name="title_cy"' in form
    assert 'lang="cy"' in form
    welsh = {"title_cy": "Cynllunio'r asesiad newydd", "work_cy": " Helpu ni. "}
    coordinator_client.post(url, brief_data(**welsh))
    brief = Brief.objects.get(project=recruiting_project)
    assert (brief.title_cy, brief.work_cy, brief.who_for_cy) == (
        "Cynllunio'r asesiad newydd",
        "Helpu ni.",
        "",
    )
    edit = reverse("recruitment:brief-edit", args=[brief.pk])
    assert "Cynllunio&#39;r asesiad newydd" in coordinator_client.get(edit).content.decode()
    coordinator_client.post(edit, brief_data(title_cy="", who_for_cy="Gofalwyr"))
    brief.refresh_from_db()
    assert (brief.title_cy, brief.who_for_cy) == ("", "Gofalwyr")


def test_welsh_typed_is_kept_when_the_english_is_wrong(
    coordinator_client: Client, recruiting_project: Project
) -> None:
    url = reverse("recruitment:brief-new", args=[recruiting_project.pk])
    response = coordinator_client.post(url, brief_data(title="", title_cy="Teitl"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Teitl"' in html
    assert '<details class="govuk-details" open>' in html
    assert not Brief.objects.exists()


def test_easy_read_lines_are_written_in_welsh(coordinator_client: Client, brief: Brief) -> None:
    url = reverse("recruitment:easy-read", args=[brief.pk])
    coordinator_client.post(
        url,
        {
            "text": "We pay for your bus.",
            "text_cy": "Rydyn ni'n talu am eich bws.",
            "picture": "bus",
            "alt_text": "A bus",
            "alt_text_cy": "Bws",
        },
    )
    line = brief.easy_read_lines.get()
    assert (line.text_cy, line.alt_text_cy) == ("Rydyn ni'n talu am eich bws.", "Bws")
    change = reverse("recruitment:easy-read-line", args=[brief.pk, line.pk])
    coordinator_client.post(change, {"text": "We pay.", "text_cy": "Rydyn ni'n talu."})
    line.refresh_from_db()
    assert (line.text_cy, line.alt_text_cy) == ("Rydyn ni'n talu.", "")  # no picture now


def test_the_brief_is_sent_in_each_persons_language(carer: Member, brief: Brief) -> None:
    brief.title_cy = "Gadael yr ysbyty"
    brief.save()
    person = carer.person
    for language, subject in (
        (Language.WELSH, "Gadael yr ysbyty"),
        (Language.ENGLISH, "Hospital discharge"),
    ):
        person.preferred_language = language
        person.save()
        context = {"brief": brief, "link": "/"}
        key = f"test.brief.{language}"
        message = notify(
            person, "recruitment.brief", "recruitment_brief", context, idempotency_key=key
        )
        assert (
            message.subject == f"{'Cymryd rhan' if language == 'cy' else 'Get involved'}: {subject}"
        )
