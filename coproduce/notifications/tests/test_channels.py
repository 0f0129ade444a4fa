"""Each channel gets its own version of a message: short texts, letters laid out as letters."""

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import signing
from django.utils import translation
from pytest_django import Settings

from coproduce.conftest import Member
from coproduce.notifications import rules
from coproduce.notifications.actions import notify, render, template_names
from coproduce.people.models import Channel, Person
from coproduce.tenancy.models import Organisation

SITE = "https://coproduce.riversidecarers.org.uk"
PHONE = "+44 29 2018 0000"
URL = re.compile(r"https?://\S+")
ROOT = Path(__file__).resolve().parents[2]
SMS_TEMPLATES = sorted(
    path.name.removesuffix(".sms.txt") for path in ROOT.glob("*/jinja2/notifications/*.sms.txt")
)
WHEN = datetime(2026, 11, 25, 18, 30, tzinfo=ZoneInfo("Europe/London"))

# The longest realistic values: a long double-barrelled name and no shorter one to be
# called by, long titles, a long organisation name and address, a long site address.
LONG = {
    "en": {
        "name": "Bartholomew Featherstonehaugh-Llewellyn",
        "organisation": "Riverside and District Carers' Association",
        "title": "Hospital discharge that works for carers: planning the next steps together",
    },
    "cy": {
        "name": "Gwenllïan Angharad ap Rhys-Llywelyn",
        "organisation": "Cymdeithas Gofalwyr Glan-yr-afon a'r Cylch",
        "title": "Gofalwyr ifanc yn yr ysgol: gwrando ar leisiau pobl ifanc sy'n gofalu",
    },
}


def organisation(phone: str = PHONE, language: str = "en") -> Organisation:
    return Organisation(
        slug="riverside-and-district-carers",
        name=LONG["en"]["organisation"],
        name_cy=LONG["cy"]["organisation"],
        phone=phone,
        email="hello@riversidecarers.org.uk",
        postal_address="Riverside Carers' Centre\n14 Long Street\nCardiff\nCF10 1AA",
    )


def long_person(language: str, phone: str = PHONE, name: str = "") -> Person:
    return Person(
        organisation=organisation(phone),
        full_name=name or LONG[language]["name"],
        preferred_language=language,
        address="1 Example Road\nCardiff",
        postcode="CF10 2AB",
    )


def link(path: str) -> str:
    return f"{SITE}/invitations/{signing.dumps(1234567, salt='activities.invitation')}/{path}"


def long_context(language: str, status: str = "approved", reply: str = "coming") -> dict[str, Any]:
    title = LONG[language]["title"]
    thing = SimpleNamespace(
        title=title, starts_at=WHEN, deadline=WHEN, closes_on=date(2026, 12, 31)
    )
    return {
        "site_url": SITE,
        "activity": thing,
        "invitation": SimpleNamespace(reply=reply),
        "change": SimpleNamespace(kind="moved", reason="The room flooded", previous_starts_at=WHEN),
        "days": 7,
        "action": thing,
        "project": thing,
        "brief": thing,
        "proposal": SimpleNamespace(
            title=title, deadline=WHEN, get_outcome_display=lambda: "Agreed with reservations"
        ),
        "referral": SimpleNamespace(
            amount=Decimal("300.00"),
            status=status,
            submitted_at=WHEN,
            practice=SimpleNamespace(name="Riverside Surgery"),
            scheme=SimpleNamespace(payment_organisation=organisation()),
        ),
        "payment": SimpleNamespace(
            amount=Decimal("1250.00"), reference="BACS-2026-000123", paid_on=date(2026, 11, 30)
        ),
        "claim": SimpleNamespace(pk=123456, reference="CLM-2026-00123", project=thing),
        "reply_link": link(""),
        "calendar_link": link("calendar.ics"),
        "follow_up_link": link("follow-up/"),
        "board_link": f"{SITE}/boards/2f9c6c2e-5e0b-4c53-9a7e-8d6b1f0d2a11/",
        "link": f"{SITE}/reviews/2f9c6c2e-5e0b-4c53-9a7e-8d6b1f0d2a11/",
        "quote_link": f"{SITE}/you-said-we-did/quotes/link/"
        f"{signing.dumps([1234567, 12], salt='accountability.quote')}/",
        "quote": SimpleNamespace(text="We were told nothing about the discharge until the day."),
    }


def sms(template: str, language: str, phone: str = PHONE, name: str = "", **variant: str) -> str:
    person = long_person(language, phone, name)
    with translation.override(language):
        _, body = render(
            template, {"person": person, **long_context(language, **variant)}, Channel.SMS
        )
    return body


@pytest.fixture(autouse=True)
def long_site(settings: Settings) -> None:
    settings.SITE_URL = SITE


def test_every_message_that_can_go_by_text_has_a_text_version() -> None:
    generic = {
        path.name.removesuffix(".txt")
        for path in ROOT.glob("*/jinja2/notifications/*.txt")
        if not path.name.startswith("_") and path.name.count(".") == 1
    }
    assert generic - set(SMS_TEMPLATES) == {"example"}


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("template", SMS_TEMPLATES)
def test_a_text_fits_in_two_parts_with_one_link_and_the_phone_number(
    template: str, language: str
) -> None:
    for variant in ({}, {"status": "declined", "reply": "waiting"}):
        body = sms(template, language, **variant)
        length = rules.sms_length(body)
        assert length.characters <= rules.SMS_MAX_CHARACTERS, (length, body)
        # Counted as the network counts: two GSM-7 parts, or (a Welsh name with ï, ŵ or
        # ŷ makes the whole text UCS-2) the same characters in at most five 67-unit parts.
        assert length.parts <= (5 if length.unicode else rules.SMS_MAX_PARTS), (length, body)
        assert len(URL.findall(body)) == 1, body
        assert PHONE in body
        assert "Subject:" not in body


@pytest.mark.parametrize("template", SMS_TEMPLATES)
def test_a_text_without_a_phone_number_to_give_does_not_mention_calling(template: str) -> None:
    body = sms(template, "en", phone="")
    assert "call" not in body.lower()
    assert len(URL.findall(body)) == 1


@pytest.mark.parametrize("template", SMS_TEMPLATES)
def test_the_welsh_wording_itself_keeps_a_text_to_two_cheap_parts(template: str) -> None:
    """Welsh texts are worded without ŵ, ŷ or â where Welsh allows, so only a name or title
    with them makes a text UCS-2 (and dearer)."""
    body = sms(template, "cy", name="Rhiannon Llywelyn-Bowen")
    length = rules.sms_length(body)
    assert not length.unicode, body
    assert length.parts <= rules.SMS_MAX_PARTS


def test_text_lengths_are_counted_as_the_network_counts_them() -> None:
    assert rules.sms_length("a" * 160) == rules.SmsLength(160, 160, False, 1)
    assert rules.sms_length("a" * 161).parts == 2
    assert rules.sms_length("a" * 306).parts == 2
    assert rules.sms_length("a" * 307).parts == 3
    assert rules.sms_length("€" * 80) == rules.SmsLength(80, 160, False, 1)  # escape + char
    assert rules.sms_length("£@é\n").unicode is False
    assert rules.sms_length("ŵ" * 70) == rules.SmsLength(70, 70, True, 1)
    assert rules.sms_length("ŵ" + "a" * 70).parts == 2
    assert rules.sms_length("ŷ" * 134).parts == 2
    assert rules.sms_length("ŷ" * 135).parts == 3


def test_a_channel_uses_its_own_version_where_there_is_one() -> None:
    assert template_names("activities_invitation", Channel.SMS) == [
        "notifications/activities_invitation.sms.txt",
        "notifications/activities_invitation.txt",
    ]
    assert template_names("activities_invitation", Channel.LETTER)[0].endswith(".letter.txt")
    assert template_names("activities_invitation", Channel.EMAIL) == [
        "notifications/activities_invitation.txt"
    ]
    assert template_names("activities_invitation", None) == [
        "notifications/activities_invitation.txt"
    ]


def test_without_its_own_version_a_channel_gets_the_generic_message() -> None:
    person = long_person("en")
    context = {"person": person, **long_context("en")}
    with translation.override("en"):
        assert render("example", context, Channel.SMS) == render("example", context)
        email_subject, email = render("breaks_received", context, Channel.EMAIL)
        _, text = render("breaks_received", context, Channel.SMS)
    assert email_subject == "You have been referred for a carer's break"
    assert "About us:" in text
    assert "About us:" not in email


def test_a_letter_is_laid_out_as_a_letter() -> None:
    person = long_person("en")
    with translation.override("en"):
        subject, body = render(
            "breaks_received",
            {"person": person, "today": date(2026, 11, 20), **long_context("en")},
            Channel.LETTER,
        )
    lines = body.splitlines()
    assert subject == "You have been referred for a carer's break"
    assert lines[:6] == [
        "Riverside and District Carers' Association",
        "Riverside Carers' Centre",
        "14 Long Street",
        "Cardiff",
        "CF10 1AA",
        f"Phone: {PHONE}",
    ]
    assert "20 November 2026" in lines
    assert "Dear Bartholomew Featherstonehaugh-Llewellyn," in lines
    assert "Hello" not in body  # the email's greeting gives way to the letter's
    assert lines.index("20 November 2026") < lines.index(
        "Dear Bartholomew Featherstonehaugh-Llewellyn,"
    )
    assert f"To reply, phone us on {PHONE} or write to us at the address at the top" in body
    assert lines[-3:] == ["Yours sincerely,", "", "Riverside and District Carers' Association"]
    # At most the one link to the carer's own short page (phoning is offered beside it).
    assert len(URL.findall(body)) <= 1


def test_a_letter_names_the_organisation_once_when_its_address_starts_with_its_name() -> None:
    person = long_person("en")
    person.organisation.postal_address = f"{LONG['en']['organisation']}\n14 Long Street\nCF10 1AA"
    with translation.override("en"):
        _, body = render(
            "breaks_received", {"person": person, **long_context("en")}, Channel.LETTER
        )
    assert body.splitlines()[:3] == [LONG["en"]["organisation"], "14 Long Street", "CF10 1AA"]


def test_a_letter_in_welsh_comes_from_the_organisation_by_its_welsh_name() -> None:
    person = long_person("cy")
    with translation.override("cy"):
        _, body = render(
            "breaks_received", {"person": person, **long_context("cy")}, Channel.LETTER
        )
    assert body.startswith(LONG["cy"]["organisation"])
    assert "Annwyl Gwenllïan" in body
    assert body.endswith(f"Yn gywir,\n\n{LONG['cy']['organisation']}")


def test_an_invitation_by_letter_offers_phone_and_post_and_no_calendar_file() -> None:
    person = long_person("en")
    context = {"person": person, **long_context("en")}
    context["activity"] = SimpleNamespace(
        title="Wellbeing café", starts_at=WHEN, description="", capacity=None
    )
    context |= {
        "when": lambda activity: "Wednesday 25 November 2026, 6:30pm to 8pm",
        "place_lines": lambda activity: ["Riverside Carers' Centre"],
        "support_lines": lambda activity, invitation: ["Travel: we can arrange it"],
        "access_lines": lambda activity: ["Step-free access: yes"],
        "arranged_lines": lambda activity, invitation: [],
        "organisation": person.organisation,
    }
    with translation.override("en"):
        _, letter = render("activities_invitation", context, Channel.LETTER)
        _, email = render("activities_invitation", context, Channel.EMAIL)
    assert "calendar" not in letter.lower()
    assert "Phone us or write to us (our details are at the top of this letter)" in letter
    assert len(URL.findall(letter)) == 1
    assert "Add it to your calendar" in email


@pytest.mark.django_db
def test_notify_chooses_the_channel_first_and_stores_the_text_it_will_send(
    carer: Member, settings: Settings
) -> None:
    settings.NOTIFY_API_KEY = ""
    person = carer.person
    person.phone = "07700 900982"
    person.save()
    person.carer_profile.preferred_channel = Channel.SMS
    person.carer_profile.save()
    context = {
        "referral": SimpleNamespace(
            scheme=SimpleNamespace(payment_organisation=person.organisation)
        ),
        "link": f"{SITE}/breaks/wellbeing/abc/",
    }
    message = notify(person, "breaks.wellbeing", "breaks_wellbeing", context, idempotency_key="t.1")
    assert message.channel == Channel.SMS
    assert message.subject == "How are you since your break?"
    assert message.body.startswith("Riverside Carers: Hello Margaret Carer. How are you since")
    assert URL.findall(message.body) == [f"{SITE}/breaks/wellbeing/abc/"]
    assert rules.sms_length(message.body).parts <= rules.SMS_MAX_PARTS
    assert message.recipient == "07700 900982"


@pytest.mark.django_db
def test_an_email_has_a_plain_subject_in_the_persons_language(carer: Member) -> None:
    person = carer.person
    person.preferred_language = "cy"
    person.save()
    context = {"referral": long_context("cy")["referral"]}
    message = notify(person, "breaks.received", "breaks_received", context, idempotency_key="t.2")
    assert message.channel == Channel.EMAIL
    assert message.subject == "Rydych chi wedi cael eich atgyfeirio am seibiant i ofalwr"
    assert "Subject" not in message.body
    assert message.body.startswith("Helo Margaret Carer,")
