"""A person who has touched every kind of personal data the platform keeps: their download
holds every piece of it, and after their erasure request is carried out none of it is left
anywhere in the database (the audit trail keeps who and when, not what)."""

import datetime
import html
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from axes.models import AccessLog
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accountability.models import Action, Comment, Quote, QuoteKind, QuoteStatus
from coproduce.accounts.models import User
from coproduce.activities.models import (
    ActivityLead,
    AgendaItem,
    AgendaStatus,
    FollowUpReply,
    LeadRole,
    SlotAnswer,
)
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory, SlotFactory
from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, AuditEvent, DataCategory
from coproduce.breaks.models import Referral, ReferralStatus, WellbeingMoment, WellbeingResponse
from coproduce.conftest import BreaksScheme, Member
from coproduce.contributions.models import Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.decisions.tests.factories import PositionFactory, ProposalFactory
from coproduce.evaluation.models import EvaluationQuestion
from coproduce.evaluation.tests.factories import EvaluationQuestionFactory
from coproduce.imports.models import SourceRecord
from coproduce.lib.tests.test_pdf import readable
from coproduce.notifications.models import Message
from coproduce.payments.models import BenefitRecord, Claim, ClaimEvent, Line, LineKind
from coproduce.people import actions, personal_data
from coproduce.people.models import ConsentKind, Person
from coproduce.people.tests.factories import CaredForFactory
from coproduce.projects.models import Project
from coproduce.recruitment.models import StateChange
from coproduce.recruitment.tests.factories import ExpressionFactory
from coproduce.surveys.models import Answer, LateAnswer, Response
from coproduce.surveys.tests.factories import SurveyFactory, add_question
from coproduce.tenancy.models import Membership

# One distinctive word per piece of personal data, so each can be looked for anywhere.
NAME = "Quillanna Marchbanks"
EMAIL = "quillanna@example.org"
WORDS = {
    "people.Person": NAME,
    "people.CarerProfile": "zq-caring-situation",
    "people.CaredFor": "zq-cared-for-notes",
    "breaks.Referral name": "Quillanna Referral-Name",
    "breaks.Referral date of birth": "1961-07-23",
    "breaks.Referral address": "17 Zqtoken Lane",
    "breaks.Referral description": "zq-break-description",
    "recruitment.ExpressionOfInterest why": "zq-why-interested",
    "recruitment.ExpressionOfInterest safeguarding": "zq-safeguarding-note",
    "recruitment.ExpressionOfInterest screening": "zq-genuine-carer-note",
    "recruitment.StateChange": "zq-state-change-note",
    "activities.Invitation needs": "zq-needs-notes",
    "activities.Invitation registration": "zq-registration-answer",
    "activities.FollowUpReply": "zq-follow-up-reply",
    "activities.AgendaItem": "zq-agenda-suggestion",
    "contributions.Contribution": "zq-contribution-words",
    "contributions.Contribution confidential": "zq-confidential-words",
    "surveys.Answer": "zq-survey-answer",
    "surveys.LateAnswer": "zq-late-answer",
    "decisions.Position": "zq-position-comment",
    "accountability.Comment": "zq-action-comment",
    "accountability.Quote": "zq-quote-words",
    "payments.Claim": "zq-account-name",
    "payments.ClaimEvent": "zq-claim-event-message",
    "notifications.Message subject": "zq-message-subject",
    "notifications.Message body": "zq-message-body",
    "notifications.Message recipient": "zq-recipient@example.org",
    "admin.LogEntry": "zq-admin-log-message",
    "imports.SourceRecord": "zq-source-system-id",
    "selfassessment.Answer": "zq-self-assessment-comment",
}
QUESTION = "Did the zq-checklist make leaving hospital easier?"
# Words given in confidence are for the coordinator and the person, not staff downloading
# on their behalf.
CONFIDENTIAL = {WORDS["contributions.Contribution confidential"]}


@dataclass
class Scene:
    person: Person
    project: Project


@pytest.fixture
def scene(
    carer: Member, coordinator: Member, admin: Member, project: Project, breaks: BreaksScheme
) -> Scene:
    """The carer, renamed, touching every registered model."""
    person = carer.person
    Person.objects.filter(pk=person.pk).update(
        full_name=NAME, email=EMAIL, date_of_birth=datetime.date(1958, 3, 14)
    )
    person.refresh_from_db()
    carer.user.email = EMAIL
    carer.user.save()
    profile = person.carer_profile
    profile.caring_situation = WORDS["people.CarerProfile"]
    profile.save()
    CaredForFactory.create(profile=profile, notes=WORDS["people.CaredFor"])
    actions.record_consent(carer.user, person, ConsentKind.CONTACT, True)

    referral = Referral.objects.create(
        scheme=breaks.scheme,
        practice=breaks.practice,
        referred_by=breaks.gp.user,
        status=ReferralStatus.APPROVED,
        carer_name=WORDS["breaks.Referral name"],
        carer_date_of_birth=datetime.date(1961, 7, 23),
        carer_email=EMAIL,
        carer_address=WORDS["breaks.Referral address"],
        carer_postcode="GU1 9ZQ",
        break_description=WORDS["breaks.Referral description"],
        amount=Decimal("300.00"),
        submitted_at=timezone.now(),
        person=person,
    )
    WellbeingResponse.objects.create(
        referral=referral,
        moment=WellbeingMoment.AT_REFERRAL,
        life_satisfaction=4,
        worthwhile=5,
        happiness=3,
        anxiety=7,
    )

    expression = ExpressionFactory.create(
        brief__project=project,
        person=person,
        why=WORDS["recruitment.ExpressionOfInterest why"],
        safeguarding_notes=WORDS["recruitment.ExpressionOfInterest safeguarding"],
        genuine_carer_note=WORDS["recruitment.ExpressionOfInterest screening"],
    )
    StateChange.objects.create(
        expression=expression,
        to_state=expression.state,
        note=WORDS["recruitment.StateChange"],
        changed_by=coordinator.user,
        changed_at=timezone.now(),
    )

    activity = ActivityFactory.create(project=project, title="Ward walk-through")
    invitation = InvitationFactory.create(
        activity=activity,
        person=person,
        needs_notes=WORDS["activities.Invitation needs"],
        registration_answers={"diet": WORDS["activities.Invitation registration"]},
    )
    FollowUpReply.objects.create(invitation=invitation, text=WORDS["activities.FollowUpReply"])
    ActivityLead.objects.create(activity=activity, person=person, role=LeadRole.CO_FACILITATOR)
    AgendaItem.objects.create(
        activity=activity,
        title=WORDS["activities.AgendaItem"],
        status=AgendaStatus.SUGGESTED,
        suggested_by=person,
        wants_to_lead=True,
    )
    slot = SlotFactory.create(activity__project=project)
    SlotAnswer.objects.create(slot=slot, person=person, can_make=True, recorded_by=carer.user)

    ContributionFactory.create(
        project=project, person=person, text=WORDS["contributions.Contribution"]
    )
    ContributionFactory.create(
        project=project,
        person=person,
        privacy=Privacy.CONFIDENTIAL,
        text=WORDS["contributions.Contribution confidential"],
    )

    survey = SurveyFactory.create(project=project)
    question = add_question(survey, "What would have helped?")
    response = Response.objects.create(
        survey=survey, person=person, privacy=Privacy.IDENTIFIABLE, submitted_at=timezone.now()
    )
    Answer.objects.create(response=response, question=question, value=WORDS["surveys.Answer"])
    LateAnswer.objects.create(
        survey=survey, person=person, privacy=Privacy.IDENTIFIABLE, text=WORDS["surveys.LateAnswer"]
    )

    proposal = ProposalFactory.create(project=project, proposed_by=person)
    PositionFactory.create(
        proposal=proposal,
        person=person,
        comment=WORDS["decisions.Position"],
        recorded_by=carer.user,
    )

    # The group's question keeps its words after erasure (like a proposal), not its proposer.
    EvaluationQuestionFactory.create(
        project=project, proposed_by=person, proposed_by_carer=True, text=QUESTION
    )
    # Their comment on the group's final review: the agreement stays, unlinked.
    from coproduce.evaluation.models import Review, ReviewComment

    review = Review.objects.create(project=project, outcomes="Done", updated_at=timezone.now())
    ReviewComment.objects.create(
        review=review,
        person=person,
        agreement="agree",
        text="Say which wards.",
        version=1,
        given_at=timezone.now(),
    )

    # Their answers to the organisation's self-assessment: the score stays in the figures,
    # without them or their comment.
    from coproduce.selfassessment import actions as selfassessment
    from coproduce.selfassessment.models import Question as Statement
    from coproduce.selfassessment.models import Side

    round_ = selfassessment.open_round(person.organisation, "This year")
    statement = Statement.objects.filter(organisation=person.organisation).first()
    assert statement is not None
    selfassessment.answer(
        round_,
        Side.CARERS,
        {statement: selfassessment.Given(3, WORDS["selfassessment.Answer"])},
        person=person,
    )

    # Imported from the centre's own database: their id there.
    SourceRecord.objects.create(
        organisation=person.organisation,
        source_system="Casebook",
        source_id=WORDS["imports.SourceRecord"],
        person=person,
    )

    action = Action.objects.create(project=project, title="Discharge checklist on two wards")
    Comment.objects.create(action=action, person=person, text=WORDS["accountability.Comment"])
    said = ContributionFactory.create(project=project, person=person, text="zq-said-for-quote")
    Quote.objects.create(
        action=action,
        contribution=said,
        person=person,
        kind=QuoteKind.QUOTE,
        text=WORDS["accountability.Quote"],
        status=QuoteStatus.AWAITING,
    )

    claim = Claim.objects.create(
        organisation=project.organisation,
        project=project,
        person=person,
        status="submitted",
        method="bank_transfer",
        account_name=WORDS["payments.Claim"],
        sort_code="123456",
        account_number="87654321",
    )
    Line.objects.create(
        claim=claim, person=person, activity=activity, kind=LineKind.INVOLVEMENT, amount=40
    )
    ClaimEvent.objects.create(
        claim=claim, to_status="submitted", what="Sent", message=WORDS["payments.ClaimEvent"]
    )
    BenefitRecord.objects.create(
        person=person, benefits=["carers_allowance"], consent_given_at=timezone.now()
    )

    Message.objects.create(
        organisation=project.organisation,
        person=person,
        channel="email",
        kind="invitation",
        subject=WORDS["notifications.Message subject"],
        body=WORDS["notifications.Message body"],
        recipient=WORDS["notifications.Message recipient"],
        idempotency_key="zq-invitation-1",
    )

    LogEntry.objects.create(
        user=admin.user,
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=NAME,
        action_flag=CHANGE,
        change_message=WORDS["admin.LogEntry"],
    )
    LogEntry.objects.create(
        user=admin.user,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(carer.user.pk),
        object_repr=EMAIL,
        action_flag=CHANGE,
        change_message="[]",
    )
    LogEntry.objects.create(
        user=admin.user,
        content_type=ContentType.objects.get_for_model(Membership),
        object_id=str(carer.user.memberships.get().pk),
        object_repr=f"{EMAIL} – carer at Riverside Carers",
        action_flag=CHANGE,
        change_message="[]",
    )
    AccessLog.objects.create(username=EMAIL, ip_address="192.0.2.7", user_agent="test")
    audit.record(
        actor=coordinator.user,
        person=person,
        action=AuditAction.VIEWED,
        categories=[DataCategory.CARING],
    )
    return Scene(person=person, project=project)


def _everything_stored() -> str:
    """Every value of every row of every table, as text."""
    found: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            found.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(found)


def test_the_scene_touches_every_registered_kind_of_personal_data(scene: Scene) -> None:
    data = personal_data.exported(scene.person, on_behalf=False)
    assert [key for key, value in data.items() if not value] == []


def test_an_evaluation_question_is_downloaded_and_forgets_its_proposer_on_erasure(
    carer_client: Client, scene: Scene, admin: Member
) -> None:
    download = carer_client.get(reverse("people:you-download")).content.decode()
    assert QUESTION in download
    actions.erase_person(admin.user, actions.request_erasure(admin.user, scene.person, ""))
    question = EvaluationQuestion.objects.get(text=QUESTION)
    assert (question.proposed_by, question.proposed_by_carer) == (None, True)


def test_the_download_holds_every_piece(carer_client: Client, scene: Scene) -> None:
    download = carer_client.get(reverse("people:you-download")).content.decode()
    missing = {
        what
        for what, word in WORDS.items()
        if word not in download and what != "admin.LogEntry"  # the admin's own log
    }
    assert missing == set()
    data = json.loads(download)
    assert set(personal_data.REGISTERED) <= set(data)


def test_the_readable_page_holds_every_piece(carer_client: Client, scene: Scene) -> None:
    page = html.unescape(carer_client.get(reverse("people:you-information")).content.decode())
    missing = {
        what
        for what, word in WORDS.items()
        if word not in page and what not in {"admin.LogEntry", "breaks.Referral date of birth"}
    }
    assert missing == set()
    assert "23 July 1961" in page  # the referral's date of birth, the GOV.UK way
    for registered in personal_data.REGISTERED.values():
        assert str(registered.title) in page


def test_the_readable_page_is_in_welsh_for_a_welsh_speaker(
    carer_client: Client, scene: Scene
) -> None:
    Person.objects.filter(pk=scene.person.pk).update(preferred_language="cy")
    page = html.unescape(carer_client.get(reverse("people:you-information")).content.decode())
    assert 'lang="cy"' in page
    assert "Popeth sydd gennym amdanoch chi" in page
    assert "Negeseuon a anfonwyd atoch" in page


def test_the_readable_page_takes_as_many_queries_however_much_is_held(
    carer_client: Client, carer: Member, scene: Scene, django_assert_num_queries: Any
) -> None:
    with CaptureQueriesContext(connection) as first:
        carer_client.get(reverse("people:you-information"))
    for n in range(3):
        invitation = InvitationFactory.create(activity__project=scene.project, person=carer.person)
        FollowUpReply.objects.create(invitation=invitation, text=f"More {n}")
        ContributionFactory.create(project=scene.project, person=carer.person)
        Message.objects.create(
            organisation=scene.project.organisation,
            person=carer.person,
            kind="reminder",
            subject="Reminder",
            body="See you soon",
            idempotency_key=f"zq-reminder-{n}",
        )
    with django_assert_num_queries(len(first.captured_queries)):
        carer_client.get(reverse("people:you-information"))


def test_the_pdf_is_a_tagged_pdf_of_the_page(carer_client: Client, scene: Scene) -> None:
    response = carer_client.get(reverse("people:you-information-pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = readable(response.content)
    assert b"/StructTreeRoot" in text
    assert b"/Lang (en)" in text
    assert f"Everything Riverside Carers holds about {NAME}".encode() in text
    assert AuditEvent.objects.filter(
        person=scene.person, action=AuditAction.EXPORTED, detail__contains="PDF"
    ).exists()


def test_staff_see_the_page_for_the_person_without_words_given_in_confidence(
    coordinator_client: Client, staff_b_client: Client, scene: Scene
) -> None:
    url = reverse("people:person-information", args=[scene.person.pk])
    page = coordinator_client.get(url).content.decode()
    assert WORDS["contributions.Contribution"] in page
    assert not {word for word in CONFIDENTIAL if word in page}
    assert WORDS["payments.Claim"] not in page  # how they are paid is theirs alone
    assert staff_b_client.get(url).status_code == 404
    pdf = reverse("people:person-information-pdf", args=[scene.person.pk])
    assert staff_b_client.get(pdf).status_code == 404


def test_a_download_on_their_behalf_leaves_out_words_given_in_confidence(
    coordinator_client: Client, scene: Scene
) -> None:
    download = coordinator_client.get(
        reverse("people:person-download", args=[scene.person.pk])
    ).content.decode()
    assert WORDS["contributions.Contribution"] in download
    assert not {word for word in CONFIDENTIAL if word in download}
    assert WORDS["payments.Claim"] not in download


def test_after_erasure_none_of_it_is_left_anywhere(
    admin: Member, coordinator: Member, scene: Scene
) -> None:
    assert {word for word in WORDS.values() if word not in _everything_stored()} == set()
    request = actions.request_erasure(admin.user, scene.person, "")

    assert actions.erase_person(admin.user, request)

    stored = _everything_stored()
    left = {what for what, word in WORDS.items() if word in stored}
    assert left == set()
    assert EMAIL not in stored


def test_after_erasure_every_column_marked_personal_is_empty_for_them(
    admin: Member, scene: Scene
) -> None:
    request = actions.request_erasure(admin.user, scene.person, "")
    actions.erase_person(admin.user, request)
    left: dict[str, object] = {}
    for model in apps.get_models():
        marked = [c.name for c in model._meta.concrete_fields if personal_data.is_personal(c)]
        links = [c.name for c in model._meta.concrete_fields if c.related_model is Person]
        for link in links if marked else []:
            for row in model._default_manager.filter(**{link: scene.person}).values(*marked):
                left |= {
                    f"{model._meta.label}.{name}": value
                    for name, value in row.items()
                    if value not in ("", None, {}, personal_data.REMOVED)
                }
    assert left == {}


def test_after_erasure_the_audit_trail_keeps_who_and_when(
    admin: Member, coordinator: Member, scene: Scene
) -> None:
    request = actions.request_erasure(admin.user, scene.person, "")
    actions.erase_person(admin.user, request)
    events = AuditEvent.objects.filter(person=scene.person)
    viewed = events.get(action=AuditAction.VIEWED)
    assert viewed.actor == coordinator.user
    assert viewed.at is not None
    assert events.filter(action=AuditAction.ERASED, actor=admin.user).exists()


def test_after_erasure_the_figures_stay(admin: Member, scene: Scene) -> None:
    request = actions.request_erasure(admin.user, scene.person, "")
    actions.erase_person(admin.user, request)
    referral = Referral.objects.get(person=scene.person)
    assert (referral.status, referral.amount) == (ReferralStatus.APPROVED, Decimal("300.00"))
    assert referral.wellbeing.count() == 1
    assert Answer.objects.filter(response__person=scene.person).count() == 1
    assert Claim.objects.get(person=scene.person).lines.get().amount == 40
    assert Message.objects.filter(person=scene.person).count() == 1


def test_the_profile_page_does_not_load_what_other_apps_keep(
    carer_client: Client, scene: Scene, django_assert_num_queries: Any
) -> None:
    """Only the readable page and the files bring everything together; the profile shows
    the person's own record."""
    with django_assert_num_queries(10):
        carer_client.get(reverse("people:you"))
