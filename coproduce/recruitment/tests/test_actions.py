import datetime
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import GroupRole
from coproduce.recruitment import actions
from coproduce.recruitment.models import Brief, EasyReadLine, ExpressionOfInterest, State
from coproduce.recruitment.tests.factories import BriefFactory, ExpressionFactory

NEW = {
    "full_name": "Sam Lee",
    "email": "sam@example.org",
    "phone": "07700 900111",
    "address": "",
    "postcode": "",
    "date_of_birth": None,
    "under_18": False,
    "preferred_channel": "email",
    "why": "I care for my brother.",
}


def test_the_database_refuses_a_brief_that_closes_before_it_opens(brief: Brief) -> None:
    brief.closes_on = brief.opens_on - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        brief.save()


def test_the_database_refuses_a_picture_without_a_description(brief: Brief) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        EasyReadLine.objects.create(brief=brief, position=1, text="Bus", picture="bus")


def test_the_database_refuses_not_this_time_without_a_reason(brief: Brief) -> None:
    expression = ExpressionFactory.create(brief=brief)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpressionOfInterest.objects.filter(pk=expression.pk).update(state=State.NOT_THIS_TIME)


def test_the_database_refuses_a_second_answer_from_the_same_person(brief: Brief) -> None:
    expression = ExpressionFactory.create(brief=brief)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpressionFactory.create(brief=brief, person=expression.person)


def test_someone_new_is_registered_once_and_audited(brief: Brief) -> None:
    expression, created = actions.express_interest_new(brief, dict(NEW))
    assert created
    assert expression is not None
    assert AuditEvent.objects.filter(person=expression.person, actor=None).exists()
    assert (expression.email_key, expression.phone_key) == ("sam@example.org", "07700900111")
    again, created_again = actions.express_interest_new(
        brief, {**NEW, "email": "", "phone": "+447700900111"}
    )
    assert (again, created_again) == (None, False)
    assert ExpressionOfInterest.objects.count() == 1


def test_the_same_details_may_answer_a_different_brief(brief: Brief) -> None:
    other = BriefFactory.create(project=brief.project)
    actions.express_interest_new(brief, dict(NEW))
    _expression, created = actions.express_interest_new(other, dict(NEW))
    assert created


def test_sending_a_brief_counts_new_and_earlier_messages(
    brief: Brief, django_capture_on_commit_callbacks: Any
) -> None:
    people = CarerFactory.create_batch(2, organisation=brief.project.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        first = actions.send_brief(brief, people[:1])
        second = actions.send_brief(brief, people)
    assert (first.new, first.already) == (1, 0)
    assert (second.new, second.already) == (1, 1)
    assert Message.objects.filter(kind="recruitment.brief").count() == 2
    assert actions.brief_messages(brief).count() == 2


def test_a_move_the_rules_refuse_changes_nothing(coordinator: Member, brief: Brief) -> None:
    expression = ExpressionFactory.create(brief=brief)
    with pytest.raises(actions.Refused):
        actions.make_member(coordinator.user, expression, GroupRole.CARER, datetime.date.today())
    expression.refresh_from_db()
    assert expression.state == State.RECEIVED
    assert not expression.history.exists()


def test_a_move_someone_else_already_made_is_refused(coordinator: Member, brief: Brief) -> None:
    expression = ExpressionFactory.create(brief=brief)
    stale = ExpressionOfInterest.objects.get(pk=expression.pk)
    actions.withdraw(coordinator.user, expression, "")
    with pytest.raises(actions.Refused):
        actions.not_this_time(coordinator.user, stale, "Sorry")
    assert not Message.objects.exists()


def test_publishing_twice_keeps_the_first_publication_time(brief: Brief) -> None:
    first = brief.published_at
    actions.publish(brief, datetime.date.today())
    assert brief.published_at == first
