"""The GP's three-minute referral: three pages, answers kept in the session until sent; the
carer's own page from the link in their message (or staff, from a phone call)."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from coproduce.breaks import actions
from coproduce.breaks.forms import REFER_PAGES, ReferCarerForm
from coproduce.breaks.models import Referral, ReferralStatus, WellbeingResponse
from coproduce.conftest import BreaksScheme, Member, signed_in
from coproduce.notifications.models import Message

PAGES: list[tuple[str, dict[str, Any]]] = [
    (
        "carer",
        {
            "carer_name": "Mary O'Neill",
            "carer_date_of_birth-day": "3",
            "carer_date_of_birth-month": "2",
            "carer_date_of_birth-year": "1950",
            "carer_language": "cy",
        },
    ),
    ("contact", {"preferred_channel": "email", "carer_email": "mary@example.com"}),
    (
        "eligibility",
        {
            "answer_necessary_care": "yes",
            "answer_effect_of_caring": ["health_at_risk", "recreation"],
            "answer_significant_impact": "yes",
            "carer_consent": "yes",
        },
    ),
]


def page_url(breaks: BreaksScheme, page: str) -> str:
    return reverse("breaks:refer", args=[breaks.practice.pk, page])


def check_url(breaks: BreaksScheme) -> str:
    return reverse("breaks:refer-check", args=[breaks.practice.pk])


def answer_all(client: Client, breaks: BreaksScheme) -> None:
    for position, (page, data) in enumerate(PAGES):
        response = client.post(page_url(breaks, page), data)
        expected = (
            page_url(breaks, PAGES[position + 1][0])
            if position + 1 < len(PAGES)
            else check_url(breaks)
        )
        assert response.status_code == 302, response.content.decode()
        assert response["Location"] == expected, page


def send(client: Client, breaks: BreaksScheme, captured: Any) -> Referral:
    with captured(execute=True):
        response = client.post(check_url(breaks))
    referral = Referral.objects.get()
    assert response["Location"] == reverse("breaks:sent", args=[referral.pk])
    return referral


def test_the_referral_asks_at_most_eight_questions_on_three_pages(breaks: BreaksScheme) -> None:
    questions = [
        name
        for form in REFER_PAGES.values()
        for name in form(scheme=breaks.scheme).fields
        # The contact page is one question: the way, and the detail for it.
        if name not in ("carer_email", "carer_phone", "carer_address", "carer_postcode")
    ]
    assert len(REFER_PAGES) == 3
    assert len(questions) == 8


def test_a_gp_refers_in_three_pages_and_the_carer_is_asked_the_rest(
    gp_client: Client, breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> None:
    home = gp_client.get(reverse("pages:home")).content.decode()
    assert page_url(breaks, "carer") in home  # one click from the GP's home
    assert gp_client.get(page_url(breaks, "carer")).status_code == 200
    answer_all(gp_client, breaks)
    assert not Referral.objects.exists()  # nothing stored before it is sent
    check = gp_client.get(check_url(breaks)).content.decode()
    assert "Mary O&#39;Neill" in check or "Mary O'Neill" in check
    assert "mary@example.com" in check
    assert "eligibility criteria" in check
    referral = send(gp_client, breaks, django_capture_on_commit_callbacks)
    assert referral.status == ReferralStatus.SUBMITTED
    assert referral.eligible is True
    assert referral.carer_language == "cy"
    assert referral.answers["effect_of_caring"] == ["health_at_risk", "recreation"]
    assert referral.break_kind == ""
    assert referral.wellbeing_consent is None
    assert referral.person is not None
    assert referral.person.preferred_language == "cy"
    sent = gp_client.get(reverse("breaks:sent", args=[referral.pk])).content.decode()
    assert "Referral sent" in sent
    # The carer's message, in Welsh, carries their own link
    message = Message.objects.get(kind="breaks.received")
    assert message.channel == "email"
    link = re.search(r"https?://\S+/breaks/your-break/\S+/", message.body)
    assert link is not None
    assert "Helo Mary" in message.body
    assert "Dywedwch wrthym" in message.body
    # and the session is cleared for the next referral
    assert gp_client.get(check_url(breaks)).content.decode().count("Not answered") > 0


def test_changing_an_answer_returns_to_check_and_keeps_the_rest(
    gp_client: Client, breaks: BreaksScheme
) -> None:
    answer_all(gp_client, breaks)
    page = gp_client.get(page_url(breaks, "carer"))
    assert 'value="Mary O&#39;Neill"' in page.content.decode()
    response = gp_client.post(
        page_url(breaks, "contact") + "?change=1",
        {"preferred_channel": "sms", "carer_phone": "07700 900982"},
    )
    assert response["Location"] == check_url(breaks)
    check = gp_client.get(check_url(breaks)).content.decode()
    assert "07700 900982" in check
    assert "Mary O" in check


@pytest.mark.parametrize(
    ("page", "data", "message", "kept"),
    [
        ("carer", {"carer_language": "en"}, "Enter the carer&#39;s full name", None),
        (
            "carer",
            {
                "carer_name": "Mary",
                "carer_date_of_birth-day": "31",
                "carer_date_of_birth-month": "2",
            },
            "Date of birth",
            'value="Mary"',
        ),
        ("carer", {"carer_name": "Mary"}, "Select English or Welsh", 'value="Mary"'),
        ("contact", {"carer_email": "mary@example.com"}, "Select how the carer", "mary@example"),
        (
            "contact",
            {"preferred_channel": "email", "carer_phone": "07700 900982"},
            "You chose email, so enter an email address",
            "07700 900982",
        ),
        (
            "contact",
            {"preferred_channel": "letter", "carer_address": "4 Mill Lane"},
            "Enter the postcode, so a letter reaches the carer",
            "4 Mill Lane",
        ),
        (
            "contact",
            {"preferred_channel": "sms", "carer_phone": "123"},
            "Enter a phone number",
            'value="123"',
        ),
        (
            "eligibility",
            {"answer_effect_of_caring": ["none", "home"], "carer_consent": "yes"},
            "Select ‘None of these’ on its own",
            'value="home" checked',
        ),
        (
            "eligibility",
            {"answer_necessary_care": "yes", "carer_consent": "no"},
            "You can only refer a carer who has agreed",
            'value="yes" checked',
        ),
        ("eligibility", {}, "Select yes or no", None),
    ],
)
def test_bad_answers_are_shown_again_with_an_error_summary(
    gp_client: Client,
    breaks: BreaksScheme,
    page: str,
    data: dict[str, Any],
    message: str,
    kept: str | None,
) -> None:
    response = gp_client.post(page_url(breaks, page), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in html
    assert message in html
    if kept:
        assert kept in html
    assert page not in gp_client.session.get(f"breaks.refer.{breaks.practice.pk}", {})


def test_a_young_carer_is_refused_where_the_scheme_is_for_adults(breaks: BreaksScheme) -> None:
    breaks.scheme.includes_young_carers = False
    form = ReferCarerForm(
        {
            "carer_name": "Sam",
            "carer_date_of_birth-day": "1",
            "carer_date_of_birth-month": "1",
            "carer_date_of_birth-year": str(__import__("datetime").date.today().year - 12),
            "carer_language": "en",
        },
        scheme=breaks.scheme,
    )
    assert not form.is_valid()
    assert "aged 18 or over" in str(form.errors)


def test_a_referral_cannot_be_sent_half_answered(gp_client: Client, breaks: BreaksScheme) -> None:
    gp_client.post(page_url(breaks, "carer"), PAGES[0][1])
    response = gp_client.post(check_url(breaks))
    assert response.status_code == 400
    assert "Answer every question before sending the referral" in response.content.decode()
    assert not Referral.objects.exists()
    assert "Mary O" in gp_client.get(page_url(breaks, "carer")).content.decode()


def test_only_the_practices_own_professionals_can_refer_for_it(
    breaks: BreaksScheme,
    coordinator_client: Client,
    carer_client: Client,
    professional: Member,
    staff_b_client: Client,
) -> None:
    others = [
        coordinator_client,
        carer_client,
        staff_b_client,
        signed_in(Client(), professional.user),
    ]
    for client in others:
        for page, data in PAGES:
            assert client.get(page_url(breaks, page)).status_code == 404
            assert client.post(page_url(breaks, page), data).status_code == 404
        assert client.post(check_url(breaks)).status_code == 404
    assert Client().get(page_url(breaks, "carer")).status_code == 302  # to sign in
    assert not Referral.objects.exists()


def test_no_such_page(gp_client: Client, breaks: BreaksScheme) -> None:
    assert gp_client.get(page_url(breaks, "wellbeing")).status_code == 404


def test_sending_twice_makes_one_referral(
    gp_client: Client, breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> None:
    answer_all(gp_client, breaks)
    token = "a" * 32
    with django_capture_on_commit_callbacks(execute=True):
        first = gp_client.post(check_url(breaks), {"form_token": token})
        again = gp_client.post(check_url(breaks), {"form_token": token})
    assert first["Location"] == again["Location"]
    assert Referral.objects.count() == 1


# --- The carer's own page ------------------------------------------------------------


@pytest.fixture
def referred(
    gp_client: Client, breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> Referral:
    answer_all(gp_client, breaks)
    return send(gp_client, breaks, django_capture_on_commit_callbacks)


CARER = {
    "relationship": "partner",
    "break_kind": "short_break",
    "break_description": "A weekend by the sea",
    "life_satisfaction": "4",
    "worthwhile": "7",
    "happiness": "3",
    "anxiety": "8",
}


def carer_path(referral: Referral) -> str:
    link = actions.carer_answers_link(referral)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def test_the_carer_answers_once_from_their_link_without_signing_in(referred: Referral) -> None:
    path = carer_path(referred)
    page = Client().get(path)
    assert page.status_code == 200
    assert "Tell us about the break you would like" in page.content.decode()
    response = Client().post(path, CARER)
    assert response["Location"] == path
    referred.refresh_from_db()
    assert (referred.relationship, referred.break_kind) == ("partner", "short_break")
    assert referred.wellbeing_consent is True
    assert WellbeingResponse.objects.get(referral=referred).anxiety == 8
    done = Client().get(path)
    assert "We have your answers" in done.content.decode()
    # once: a second answer changes nothing
    Client().post(path, {**CARER, "break_kind": "day_out"})
    referred.refresh_from_db()
    assert referred.break_kind == "short_break"


def test_the_carer_may_leave_out_the_wellbeing_questions_but_not_half_of_them(
    referred: Referral,
) -> None:
    path = carer_path(referred)
    half = Client().post(path, {**CARER, "happiness": "", "anxiety": ""})
    assert half.status_code == 400
    html = half.content.decode()
    assert "Answer all four wellbeing questions, or none of them" in html
    assert 'value="4"' in html  # what was typed is kept
    none = {k: v for k, v in CARER.items() if k in ("relationship", "break_kind")}
    assert Client().post(path, none).status_code == 302
    referred.refresh_from_db()
    assert referred.wellbeing_consent is False
    assert not WellbeingResponse.objects.filter(referral=referred).exists()


def test_the_carer_must_say_what_break(referred: Referral) -> None:
    response = Client().post(carer_path(referred), {"relationship": "partner"})
    assert response.status_code == 400
    assert "Select what kind of break you would like" in response.content.decode()


def test_a_carers_link_expires_and_a_forged_one_does_not_work(
    referred: Referral, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = carer_path(referred)
    monkeypatch.setattr(actions, "CARER_ANSWERS_LIFETIME", timedelta(seconds=-1))
    expired = Client().get(path)
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()
    monkeypatch.undo()
    forged = signing.dumps({"referral": referred.pk}, salt="something else")
    assert Client().get(reverse("breaks:carer-answers", args=[forged])).status_code == 404


def test_approval_waits_for_the_carer_and_staff_can_record_by_phone(
    referred: Referral, coordinator_client: Client
) -> None:
    process = reverse("breaks:process", args=[referred.pk])
    page = coordinator_client.get(process).content.decode()
    assert "Waiting for the carer" in page
    phone = reverse("breaks:staff-carer-answers", args=[referred.pk])
    assert phone in page
    approve = coordinator_client.post(
        process, {"step": "decide", "decision": "approve", "amount": "300"}
    )
    assert approve.status_code == 400
    assert "Wait for the carer to say what break they would like" in approve.content.decode()
    referred.refresh_from_db()
    assert referred.status == ReferralStatus.SUBMITTED
    assert coordinator_client.get(phone).status_code == 200
    response = coordinator_client.post(phone, {"relationship": "parent", "break_kind": "day_out"})
    assert response["Location"] == process
    coordinator_client.post(process, {"step": "decide", "decision": "approve", "amount": "300"})
    referred.refresh_from_db()
    assert referred.status == ReferralStatus.APPROVED
    # the carer's link is spent
    assert "We have your answers" in Client().get(carer_path(referred)).content.decode()


def test_declining_need_not_wait_for_the_carer(
    referred: Referral, coordinator_client: Client
) -> None:
    coordinator_client.post(
        reverse("breaks:process", args=[referred.pk]),
        {"step": "decide", "decision": "decline", "reason": "Not eligible"},
    )
    referred.refresh_from_db()
    assert referred.status == ReferralStatus.DECLINED
    closed = Client().get(carer_path(referred)).content.decode()
    assert "This link is no longer needed" in closed
    assert "We have your answers" not in closed


def test_only_the_paying_organisations_staff_record_by_phone(
    referred: Referral, gp_client: Client, carer_client: Client, staff_b_client: Client
) -> None:
    phone = reverse("breaks:staff-carer-answers", args=[referred.pk])
    for client in (gp_client, carer_client, staff_b_client):
        assert client.get(phone).status_code in (403, 404)
        client.post(phone, {"relationship": "parent", "break_kind": "day_out"})
    referred.refresh_from_db()
    assert referred.break_kind == ""
