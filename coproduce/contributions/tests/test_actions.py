import datetime
import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.db.models.signals import post_save

from coproduce.activities.invitation_actions import record_follow_up_reply
from coproduce.activities.models import FollowUpReply
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.conftest import Member
from coproduce.contributions import actions
from coproduce.contributions.models import (
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.people.models import Anonymity
from coproduce.projects import actions as project_actions
from coproduce.projects.models import Project, Stage


def test_an_anonymous_contribution_keeps_no_link_to_its_giver(
    project: Project, giver: Member
) -> None:
    contribution = actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.PHONE,
        privacy=Privacy.ANONYMOUS,
        person=giver.person,
        text="  The car park costs too much  ",
    )
    assert contribution.person is None
    assert contribution.text == "The car park costs too much"
    assert contribution.stage == project.stage


def test_the_database_refuses_an_anonymous_contribution_linked_to_someone(
    project: Project, giver: Member
) -> None:
    with pytest.raises(IntegrityError):
        ContributionFactory.create(project=project, privacy=Privacy.ANONYMOUS, person=giver.person)


def test_not_taking_a_view_forward_needs_a_reason(project: Project, coordinator: Member) -> None:
    contribution = ContributionFactory.create(project=project)
    with pytest.raises(actions.ReasonNeeded):
        actions.respond(contribution, ResponseStatus.NOT_TAKEN_FORWARD, "  ", coordinator.user)
    answered = actions.respond(
        contribution,
        ResponseStatus.NOT_TAKEN_FORWARD,
        "The budget is set by the NHS",
        coordinator.user,
    )
    assert answered.status == ResponseStatus.NOT_TAKEN_FORWARD
    assert answered.responded_by == coordinator.user


def test_themes_are_made_once_per_project_and_replaced(project: Project) -> None:
    contribution = ContributionFactory.create(project=project)
    other = ContributionFactory.create(project=project)
    actions.set_themes(contribution, ["Transport", " respite ", ""])
    actions.set_themes(other, ["Transport"])
    assert sorted(t.name for t in contribution.themes.all()) == ["Transport", "respite"]
    assert project.themes.count() == 2
    actions.set_themes(contribution, ["Money"])
    assert [t.name for t in contribution.themes.all()] == ["Money"]


def test_a_giver_can_make_their_view_more_private_but_not_less(
    project: Project, giver: Member
) -> None:
    contribution = ContributionFactory.create(
        project=project, person=giver.person, privacy=Privacy.ANONYMOUS_TO_GROUP
    )
    with pytest.raises(actions.NotMorePrivate):
        actions.change_privacy(contribution, Privacy.IDENTIFIABLE)
    assert (
        actions.change_privacy(contribution, Privacy.CONFIDENTIAL).privacy == Privacy.CONFIDENTIAL
    )
    unlinked = actions.change_privacy(contribution, Privacy.CONFIDENTIAL)
    assert unlinked.person == giver.person


def test_choosing_anonymous_later_removes_the_link(project: Project, giver: Member) -> None:
    contribution = ContributionFactory.create(project=project, person=giver.person)
    assert actions.change_privacy(contribution, Privacy.ANONYMOUS).person is None


def test_a_follow_up_reply_becomes_a_contribution_once_as_private_as_the_profile_asks(
    project: Project, giver: Member
) -> None:
    giver.person.carer_profile.default_anonymity = Anonymity.CONFIDENTIAL
    giver.person.carer_profile.save()
    activity = ActivityFactory.create(project=project)
    invitation = InvitationFactory.create(activity=activity, person=giver.person)
    reply = record_follow_up_reply(invitation, "The room was too cold")
    contribution = Contribution.objects.get(follow_up_reply=reply)
    assert contribution.channel == ContributionChannel.FOLLOW_UP
    assert contribution.privacy == Privacy.CONFIDENTIAL
    assert contribution.person == giver.person
    assert contribution.activity == activity
    assert actions.contribution_from_follow_up(reply) == contribution
    assert Contribution.objects.filter(follow_up_reply=reply).count() == 1


def test_a_project_cannot_reach_review_while_a_view_waits(
    project: Project, coordinator: Member
) -> None:
    project.stage = Stage.EVALUATION
    project.save()
    waiting = ContributionFactory.create(project=project)
    with pytest.raises(project_actions.StageUnchanged, match="1 contribution has not been"):
        project_actions.move_stage(coordinator.user, project, Stage.REVIEW)
    actions.respond(waiting, ResponseStatus.CONSIDERED, "", coordinator.user)
    project_actions.move_stage(coordinator.user, project, Stage.REVIEW, "", "Evaluated by post")
    project.refresh_from_db()
    assert project.stage == Stage.REVIEW


def test_theme_counts_show_channels_and_views_from_one_age_group(
    project: Project, giver: Member, carer: Member
) -> None:
    today = datetime.date(2026, 11, 23)
    giver.person.date_of_birth = datetime.date(2010, 5, 1)  # 16: a young carer
    giver.person.save()
    carer.person.date_of_birth = datetime.date(1950, 5, 1)
    carer.person.save()
    young = [
        ContributionFactory.create(project=project, person=giver.person, channel=c)
        for c in (ContributionChannel.MEETING, ContributionChannel.WEB)
    ]
    older = ContributionFactory.create(project=project, person=carer.person)
    for contribution in young:
        actions.set_themes(contribution, ["School"])
    actions.set_themes(older, ["Transport"])
    actions.set_themes(young[0], ["School", "Transport"])
    counts = {row.theme: row for row in actions.theme_counts(project, today)}
    assert counts["School"].total == 2
    assert counts["School"].by_channel == {"meeting": 1, "web": 1}
    assert counts["School"].only_group == "young"
    assert counts["Transport"].only_group is None


def test_erasing_a_person_removes_their_words_and_files_but_keeps_the_count(
    project: Project, giver: Member, admin: Member, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coproduce.people import actions as people_actions

    contribution = ContributionFactory.create(project=project, person=giver.person, text="Mine")
    file = actions.add_attachment(
        contribution, SimpleUploadedFile("me.png", b"\x89PNG\r\n\x1a\nxx", "image/png")
    )
    stored = file.file.path
    request = people_actions.request_erasure(giver.user, giver.person, "Please forget me")
    with django_capture_on_commit_callbacks(execute=True):
        assert people_actions.erase_person(admin.user, request)
    contribution.refresh_from_db()
    assert contribution.text == actions.REMOVED
    assert contribution.person is None
    assert contribution.privacy == Privacy.ANONYMOUS
    assert not contribution.attachments.exists()
    assert not os.path.exists(stored)
    assert Contribution.objects.filter(project=project).count() == 1


def test_a_rolled_back_erasure_keeps_the_files(
    project: Project, giver: Member, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    contribution = ContributionFactory.create(project=project, person=giver.person, text="Mine")
    file = actions.add_attachment(
        contribution, SimpleUploadedFile("me.png", b"\x89PNG\r\n\x1a\nxx", "image/png")
    )
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        actions.forget_contributions(giver.person)
        transaction.set_rollback(True)  # something later in the erasure failed
    assert os.path.exists(file.file.path)
    assert contribution.attachments.get() == file


def test_a_view_its_giver_unlinks_from_themselves_keeps_no_account_of_theirs(
    project: Project, giver: Member, coordinator: Member
) -> None:
    given = actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.WEB,
        privacy=Privacy.ANONYMOUS,
        person=giver.person,
        text="Nobody must know",
        recorded_by=giver.user,
    )
    assert (given.person, given.recorded_by) == (None, None)
    later = actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.WEB,
        privacy=Privacy.IDENTIFIABLE,
        person=giver.person,
        text="Unlinked later",
        recorded_by=giver.user,
    )
    unlinked = actions.change_privacy(later, Privacy.ANONYMOUS)
    assert (unlinked.person, unlinked.recorded_by) == (None, None)


def test_staff_who_typed_in_an_anonymous_view_stay_as_its_recorder(
    project: Project, giver: Member, coordinator: Member
) -> None:
    typed = actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.PHONE,
        privacy=Privacy.ANONYMOUS,
        person=giver.person,
        text="Said on the phone",
        recorded_by=coordinator.user,
    )
    assert (typed.person, typed.recorded_by) == (None, coordinator.user)
    on_behalf = actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.PHONE,
        privacy=Privacy.ANONYMOUS_TO_GROUP,
        person=giver.person,
        text="Said on the phone, then unlinked",
        recorded_by=coordinator.user,
    )
    assert actions.change_privacy(on_behalf, Privacy.ANONYMOUS).recorded_by == coordinator.user


def test_erasure_leaves_no_account_of_theirs_on_what_they_recorded(
    project: Project, giver: Member
) -> None:
    given = actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.WEB,
        privacy=Privacy.CONFIDENTIAL,
        person=giver.person,
        text="Mine",
        recorded_by=giver.user,
    )
    actions.forget_contributions(giver.person)
    given.refresh_from_db()
    assert (given.person, given.recorded_by) == (None, None)


def test_existing_anonymous_views_their_givers_recorded_lose_the_link(
    project: Project, giver: Member, coordinator: Member
) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "coproduce.contributions.migrations.0002_unlink_self_recorded_anonymous"
    )
    self_recorded = ContributionFactory.create(
        project=project, privacy=Privacy.ANONYMOUS, person=None, recorded_by=giver.user
    )
    typed_by_staff = ContributionFactory.create(
        project=project, privacy=Privacy.ANONYMOUS, person=None, recorded_by=coordinator.user
    )
    named = ContributionFactory.create(
        project=project, privacy=Privacy.IDENTIFIABLE, person=giver.person, recorded_by=giver.user
    )
    migration.unlink(apps, None)
    recorders = {
        c.pk: c.recorded_by_id
        for c in Contribution.objects.filter(pk__in=[self_recorded.pk, typed_by_staff.pk, named.pk])
    }
    assert recorders == {
        self_recorded.pk: None,
        typed_by_staff.pk: coordinator.user.pk,
        named.pk: giver.user.pk,
    }


class WriteFailed(Exception):
    pass


@pytest.fixture
def contribution_write_fails() -> Iterator[None]:
    """Writing a follow-up contribution fails (the database refuses it, the disk is full)."""

    def fail(sender: Any, instance: Contribution, **kwargs: Any) -> None:
        if instance.channel == ContributionChannel.FOLLOW_UP:
            raise WriteFailed

    post_save.connect(fail, sender=Contribution, dispatch_uid="test.write_fails")
    yield
    post_save.disconnect(sender=Contribution, dispatch_uid="test.write_fails")


@pytest.mark.usefixtures("contribution_write_fails")
def test_a_follow_up_reply_is_kept_only_with_its_contribution(
    project: Project, giver: Member
) -> None:
    invitation = InvitationFactory.create(activity=ActivityFactory.create(project=project))
    with pytest.raises(WriteFailed):
        record_follow_up_reply(invitation, "The room was too cold")
    assert not FollowUpReply.objects.exists()
    assert not Contribution.objects.exists()


@pytest.mark.usefixtures("contribution_write_fails")
def test_a_follow_up_contribution_is_never_half_made(project: Project, giver: Member) -> None:
    invitation = InvitationFactory.create(activity=ActivityFactory.create(project=project))
    reply = FollowUpReply.objects.create(invitation=invitation, text="The room was too cold")
    with pytest.raises(WriteFailed):
        actions.contribution_from_follow_up(reply)
    assert not Contribution.objects.exists()
