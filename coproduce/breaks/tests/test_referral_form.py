from django.test import Client
from django.urls import reverse

from coproduce.breaks.models import Referral, ReferralStatus, WellbeingResponse
from coproduce.conftest import BreaksScheme, Member, signed_in
from coproduce.people.models import Person

ANSWERS = [
    ("name", {"carer_name": "Mary O'Neill"}),
    (
        "date-of-birth",
        {
            "carer_date_of_birth-day": "3",
            "carer_date_of_birth-month": "2",
            "carer_date_of_birth-year": "1950",
        },
    ),
    ("contact", {"carer_address": "4 Mill Lane\nGuildford", "carer_postcode": "gu1 4ab"}),
    ("channel", {"preferred_channel": "letter", "carer_language": "cy"}),
    ("relationship", {"relationship": "partner"}),
    ("eligibility-necessary_care", {"answer": "yes"}),
    ("eligibility-effect_of_caring", {"answer": ["health_at_risk", "recreation"]}),
    ("eligibility-significant_impact", {"answer": "yes"}),
    ("break", {"break_kind": "short_break", "break_description": "A weekend by the sea"}),
    ("consent", {"carer_consent": "yes", "wellbeing_consent": "yes"}),
    ("wellbeing", {"life_satisfaction": "4", "worthwhile": "7", "happiness": "3", "anxiety": "8"}),
]


def start(client: Client, breaks: BreaksScheme) -> Referral:
    """A draft started before the three-minute referral (its pages still finish it)."""
    from coproduce.breaks.actions import start_referral

    return start_referral(breaks.gp.user, breaks.practice)


def test_a_gp_refers_an_eligible_carer_one_question_at_a_time(
    gp_client: Client, breaks: BreaksScheme
) -> None:
    referral = start(gp_client, breaks)
    for position, (slug, data) in enumerate(ANSWERS):
        response = gp_client.post(reverse("breaks:step", args=[referral.pk, slug]), data)
        expected = (
            reverse("breaks:step", args=[referral.pk, ANSWERS[position + 1][0]])
            if position + 1 < len(ANSWERS)
            else reverse("breaks:check", args=[referral.pk])
        )
        assert response["Location"] == expected, slug
    check = gp_client.get(reverse("breaks:check", args=[referral.pk])).content.decode()
    assert (
        "The carer meets the scheme&#39;s eligibility criteria." in check
        or "The carer meets the scheme's eligibility criteria." in check
    )
    assert "GU1 4AB" in check
    gp_client.post(reverse("breaks:check", args=[referral.pk]))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SUBMITTED
    assert referral.eligible is True
    assert referral.person is not None
    assert referral.person.organisation == breaks.scheme.payment_organisation
    assert referral.person.carer_profile.preferred_channel == "letter"
    assert referral.carer_language == "cy"
    assert referral.person.preferred_language == "cy"
    assert WellbeingResponse.objects.get(referral=referral).anxiety == 8


def test_the_wellbeing_page_is_skipped_without_consent(
    gp_client: Client, breaks: BreaksScheme
) -> None:
    referral = start(gp_client, breaks)
    response = gp_client.post(
        reverse("breaks:step", args=[referral.pk, "consent"]),
        {"carer_consent": "yes", "wellbeing_consent": "no"},
    )
    assert response["Location"] == reverse("breaks:check", args=[referral.pk])
    assert gp_client.get(reverse("breaks:step", args=[referral.pk, "wellbeing"])).status_code == 404


def test_a_referral_cannot_be_sent_half_answered(gp_client: Client, breaks: BreaksScheme) -> None:
    referral = start(gp_client, breaks)
    gp_client.post(reverse("breaks:step", args=[referral.pk, "name"]), {"carer_name": "Mary"})
    response = gp_client.post(reverse("breaks:check", args=[referral.pk]))
    assert response.status_code == 400
    assert "Answer every question before sending the referral" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DRAFT
    assert referral.carer_name == "Mary"  # the draft keeps what was typed


def test_bad_answers_get_specific_messages_and_keep_what_was_typed(
    gp_client: Client, breaks: BreaksScheme
) -> None:
    referral = start(gp_client, breaks)
    contact = gp_client.post(
        reverse("breaks:step", args=[referral.pk, "contact"]),
        {"carer_phone": "123", "carer_address": "4 Mill Lane"},
    )
    html = contact.content.decode()
    assert contact.status_code == 400
    assert "Enter a phone number, like 01632 960 001" in html
    assert "Enter the postcode, so a letter reaches the carer" in html
    assert "4 Mill Lane" in html
    channel = gp_client.post(
        reverse("breaks:step", args=[referral.pk, "channel"]), {"preferred_channel": "email"}
    )
    assert "You chose email, so enter an email address" in channel.content.decode()
    consent = gp_client.post(
        reverse("breaks:step", args=[referral.pk, "consent"]),
        {"carer_consent": "no", "wellbeing_consent": "no"},
    )
    assert "You can only refer a carer who has agreed" in consent.content.decode()
    both = gp_client.post(
        reverse("breaks:step", args=[referral.pk, "eligibility-effect_of_caring"]),
        {"answer": ["none", "home"]},
    )
    assert "Select ‘None of these’ on its own" in both.content.decode()


def test_a_practice_that_has_not_joined_cannot_refer(
    gp_client: Client, breaks: BreaksScheme
) -> None:
    breaks.practice.signed_up_at = None
    breaks.practice.save()
    response = gp_client.get(reverse("breaks:home"))
    assert "has not joined the scheme yet" in response.content.decode()
    start_page = reverse("breaks:refer", args=[breaks.practice.pk, "carer"])
    assert start_page not in response.content.decode()
    assert gp_client.get(start_page).status_code == 404
    assert not Referral.objects.exists()


def test_a_professional_not_attached_to_a_practice_is_told_how_to_get_added(
    professional: Member, breaks: BreaksScheme
) -> None:
    html = signed_in(Client(), professional.user).get(reverse("breaks:home")).content.decode()
    assert "You are not linked to a GP practice" in html
    assert reverse("breaks:queue") not in html


def test_support_organisation_staff_are_sent_to_the_queue_and_the_schemes(
    coordinator_client: Client, admin_client_a: Client, breaks: BreaksScheme
) -> None:
    for client in (coordinator_client, admin_client_a):
        html = client.get(reverse("breaks:home")).content.decode()
        assert "You are not linked to a GP practice" not in html
        assert reverse("breaks:queue") in html
        assert reverse("breaks:schemes") in html
    assert (
        coordinator_client.get(
            reverse("breaks:refer", args=[breaks.practice.pk, "carer"])
        ).status_code
        == 404
    )


def test_other_professionals_cannot_open_a_practices_referral(
    gp_client: Client, breaks: BreaksScheme, professional: Member, staff_b: Member
) -> None:
    referral = start(gp_client, breaks)
    for member in (professional, staff_b):
        client = signed_in(Client(), member.user)
        assert client.get(reverse("breaks:step", args=[referral.pk, "name"])).status_code == 404
        assert client.get(reverse("breaks:check", args=[referral.pk])).status_code == 404
        assert client.get(reverse("breaks:referral", args=[referral.pk])).status_code == 404


def test_a_sent_referral_cannot_be_changed(gp_client: Client, breaks: BreaksScheme) -> None:
    referral = start(gp_client, breaks)
    Referral.objects.filter(pk=referral.pk).update(status=ReferralStatus.SUBMITTED)
    response = gp_client.post(
        reverse("breaks:step", args=[referral.pk, "name"]), {"carer_name": "Someone else"}
    )
    assert response["Location"] == reverse("breaks:referral", args=[referral.pk])
    referral.refresh_from_db()
    assert referral.carer_name == ""
    assert not Person.objects.filter(full_name="Someone else").exists()


def test_home_page_offers_each_person_their_part_of_the_scheme(
    gp_client: Client, coordinator_client: Client, carer_client: Client, breaks: BreaksScheme
) -> None:
    gp_home = gp_client.get(reverse("pages:home")).content.decode()
    assert reverse("breaks:home") in gp_home
    assert reverse("breaks:refer", args=[breaks.practice.pk, "carer"]) in gp_home
    assert reverse("breaks:queue") in coordinator_client.get(reverse("pages:home")).content.decode()
    carer_home = carer_client.get(reverse("pages:home")).content.decode()
    assert reverse("breaks:queue") not in carer_home
    assert reverse("breaks:home") not in carer_home
