from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.projects.models import Project


def answers(giver: Member, **overrides: Any) -> dict[str, Any]:
    return {
        "channel": ContributionChannel.PHONE,
        "privacy": Privacy.ANONYMOUS_TO_GROUP,
        "person": str(giver.person.pk),
        "activity": "",
        "given_on-day": "20",
        "given_on-month": "11",
        "given_on-year": "2026",
        "text": "Evening meetings are impossible for me",
        **overrides,
    }


def test_a_coordinator_records_a_phone_call_with_a_letter_attached(
    coordinator_client: Client, coordinator: Member, project: Project, giver: Member
) -> None:
    letter = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 a letter", content_type="application/pdf")
    response = coordinator_client.post(
        reverse("contributions:record", args=[project.pk]), {**answers(giver), "attachment": letter}
    )
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.person == giver.person
    assert contribution.recorded_by == coordinator.user
    attachment = contribution.attachments.get()
    assert attachment.name == "letter.pdf"
    download = coordinator_client.get(
        reverse("contributions:attachment", args=[contribution.pk, attachment.pk])
    )
    assert download.getvalue() == b"%PDF-1.4 a letter"


def test_a_file_of_the_wrong_kind_is_refused_and_the_words_are_kept(
    coordinator_client: Client, project: Project, giver: Member
) -> None:
    program = SimpleUploadedFile("letter.pdf", b"MZ\x90\x00 not a pdf")
    response = coordinator_client.post(
        reverse("contributions:record", args=[project.pk]),
        {**answers(giver), "attachment": program},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The selected file must be a PDF, JPG, PNG or Word (.docx) file" in page
    assert "Evening meetings are impossible for me" in page
    assert not Contribution.objects.exists()


def test_too_long_a_text_is_refused_with_its_length_and_kept(
    coordinator_client: Client, project: Project, giver: Member
) -> None:
    long = "word " * 2001
    response = coordinator_client.post(
        reverse("contributions:record", args=[project.pk]), answers(giver, text=long)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "must be 10,000 characters or fewer" in page
    assert long.strip() in page


def test_an_empty_contribution_is_refused(
    coordinator_client: Client, project: Project, giver: Member
) -> None:
    response = coordinator_client.post(
        reverse("contributions:record", args=[project.pk]), answers(giver, text="   ")
    )
    assert response.status_code == 400
    assert "Enter what they said" in response.content.decode()


def test_an_anonymous_view_cannot_be_linked_to_someone(
    coordinator_client: Client, project: Project, giver: Member
) -> None:
    response = coordinator_client.post(
        reverse("contributions:record", args=[project.pk]),
        answers(giver, privacy=Privacy.ANONYMOUS),
    )
    assert response.status_code == 400
    assert "An anonymous view is not linked to anyone" in response.content.decode()


def test_carers_and_other_organisations_cannot_record(
    carer_client: Client, staff_b_client: Client, project: Project, giver: Member
) -> None:
    url = reverse("contributions:record", args=[project.pk])
    assert carer_client.post(url, answers(giver)).status_code == 403
    assert staff_b_client.post(url, answers(giver)).status_code == 404
    assert not Contribution.objects.exists()
