import uuid

from django.test import Client
from django.urls import reverse

from coproduce.recruitment.models import Brief
from coproduce.recruitment.tests.factories import EasyReadLineFactory


def test_anyone_can_read_a_published_brief_without_signing_in(client: Client, brief: Brief) -> None:
    response = client.get(reverse("recruitment:public-brief", args=[brief.public_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hospital discharge" in html
    assert "Replacement care" in html
    assert reverse("recruitment:public-easy-read", args=[brief.public_id]) in html
    assert reverse("recruitment:interested", args=[brief.public_id]) in html


def test_signed_in_people_of_other_organisations_can_read_it_too(
    staff_b_client: Client, brief: Brief
) -> None:
    response = staff_b_client.get(reverse("recruitment:public-brief", args=[brief.public_id]))
    assert response.status_code == 200


def test_an_unpublished_brief_is_not_found(client: Client, draft: Brief) -> None:
    for name in (
        "recruitment:public-brief",
        "recruitment:public-easy-read",
        "recruitment:interested",
        "recruitment:interested-done",
    ):
        assert client.get(reverse(name, args=[draft.public_id])).status_code == 404


def test_an_unknown_brief_is_not_found(client: Client, db: None) -> None:
    response = client.get(reverse("recruitment:public-brief", args=[uuid.uuid4()]))
    assert response.status_code == 404


def test_the_easy_read_version_shows_one_idea_per_line_with_pictures(
    client: Client, brief: Brief
) -> None:
    EasyReadLineFactory.create(brief=brief, text="We want to hear from carers.")
    EasyReadLineFactory.create(
        brief=brief, text="We pay for your time.", picture="money", alt_text="Money"
    )
    response = client.get(reverse("recruitment:public-easy-read", args=[brief.public_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("We want to hear from carers.") < html.index("We pay for your time.")
    assert 'src="/static/recruitment/easy-read/money.svg" alt="Money"' in html
    assert "recruitment/easy-read.css" in html


def test_a_closed_brief_can_be_read_but_not_answered(client: Client, brief: Brief) -> None:
    brief.opens_on = brief.closes_on = brief.opens_on.replace(year=2020)
    brief.save()
    page = client.get(reverse("recruitment:public-brief", args=[brief.public_id])).content.decode()
    assert "This closed on" in page
    assert reverse("recruitment:interested", args=[brief.public_id]) not in page
    answer = client.get(reverse("recruitment:interested", args=[brief.public_id]))
    assert "This has closed" in answer.content.decode()
    assert 'name="why"' not in answer.content.decode()


def test_public_pages_carry_the_briefs_organisation_name_not_coproduce(
    client: Client, brief: Brief
) -> None:
    name = brief.project.organisation.name
    for url in (
        reverse("recruitment:public-brief", args=[brief.public_id]),
        reverse("recruitment:public-easy-read", args=[brief.public_id]),
        reverse("recruitment:interested", args=[brief.public_id]),
        reverse("recruitment:interested-done", args=[brief.public_id]),
    ):
        html = client.get(url).content.decode()
        header = html[html.index("govuk-generic-header") : html.index("</header>")]
        assert name in header, url
        assert "Coproduce" not in header, url
        assert f"– {name}</title>" in html, url


def test_the_welsh_pages_say_where_the_brief_is_not_in_welsh_yet(
    client: Client, brief: Brief
) -> None:
    from django.conf import settings

    english = client.get(reverse("recruitment:public-brief", args=[brief.public_id]))
    assert "app-welsh-missing" not in english.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    for name in ("recruitment:public-brief", "recruitment:public-easy-read"):
        response = client.get(reverse(name, args=[brief.public_id]))
        assert response.headers["Content-Language"] == "cy"
        page = response.content.decode()
        assert "app-welsh-missing" in page
        assert f'<span lang="en">{brief.title}</span>' in page


def test_the_welsh_pages_show_the_brief_in_welsh_once_written(client: Client, brief: Brief) -> None:
    from django.conf import settings

    for name in Brief.TRANSLATED:
        setattr(brief, f"{name}_cy", f"{name} yn Gymraeg" if getattr(brief, name) else "")
    brief.save()
    brief.easy_read_lines.update(text_cy="Llinell yn Gymraeg")
    line = brief.easy_read_lines.create(position=99, text="Come along.", text_cy="Dewch.")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    page = client.get(reverse("recruitment:public-brief", args=[brief.public_id]))
    text = page.content.decode()
    assert "title yn Gymraeg" in text
    assert "work yn Gymraeg" in text
    assert "app-welsh-missing" not in text
    easy = client.get(reverse("recruitment:public-easy-read", args=[brief.public_id]))
    assert '<p class="app-easy-read__text" lang="cy">Dewch.</p>' in easy.content.decode()
    assert "app-welsh-missing" not in easy.content.decode()
    line.text_cy = ""
    line.save()
    easy = client.get(reverse("recruitment:public-easy-read", args=[brief.public_id]))
    assert "app-welsh-missing" in easy.content.decode()


def test_the_easy_read_version_starts_with_who_by_when_and_where(
    client: Client, brief: Brief
) -> None:
    from coproduce.jinja2 import localdate

    EasyReadLineFactory.create(brief=brief, text="We want to hear from carers.")
    html = client.get(
        reverse("recruitment:public-easy-read", args=[brief.public_id])
    ).content.decode()
    who = html.index(f"This is from {brief.project.organisation.name}.")
    by_when = html.index(f"Tell us by {localdate(brief.closes_on)}.")
    where = html.index("Where: At the Riverside Centre, or by phone")
    assert who < by_when < where < html.index("We want to hear from carers.")
    assert 'src="/static/recruitment/easy-read/calendar.svg" alt="Calendar"' in html
    assert 'src="/static/recruitment/easy-read/home.svg" alt="Home"' in html


def test_phone_numbers_in_easy_read_lines_can_be_tapped(client: Client, brief: Brief) -> None:
    EasyReadLineFactory.create(brief=brief, text="Phone Sam on 01632 960 001 <b>today</b>.")
    html = client.get(
        reverse("recruitment:public-easy-read", args=[brief.public_id])
    ).content.decode()
    assert 'Phone Sam on <a class="govuk-link" href="tel:+441632960001">01632 960 001</a>' in html
    assert "&lt;b&gt;today&lt;/b&gt;." in html
