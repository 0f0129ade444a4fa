import pytest
from django.db import IntegrityError, transaction

from coproduce.accountability import actions
from coproduce.accountability.models import Action, ActionStatus, ActionUpdate, Comment
from coproduce.accountability.tests.conftest import Said, give
from coproduce.conftest import Member
from coproduce.contributions.models import Privacy, ResponseStatus
from coproduce.notifications.models import Message
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory


def messages_for(member: Member) -> list[Message]:
    return list(Message.objects.filter(person=member.person).order_by("pk"))


def test_recording_an_action_marks_its_contributions_planned_with_a_response(
    action: Action, said: Said
) -> None:
    for contribution in said.all():
        contribution.refresh_from_db()
        assert contribution.status == ResponseStatus.PLANNED
        assert contribution.response == "Carers asked before discharge: A new checklist."
        assert contribution.responded_at is not None


def test_recording_tells_each_named_contributor_once_but_nobody_anonymous(
    action: Action, ida: Member, gwen: Member, connie: Member, coordinator: Member
) -> None:
    for member in (ida, gwen, connie):
        (message,) = messages_for(member)
        assert message.kind == "accountability.recorded"
        assert "Carers asked before discharge" in message.body
        assert f"/projects/{action.project_id}/you-said-we-did/" in message.body
    # Four contributions, one of them anonymous: three messages in all.
    assert Message.objects.filter(kind="accountability.recorded").count() == 3


def test_two_views_from_one_person_bring_one_message(
    project: Project, ida: Member, coordinator: Member
) -> None:
    first = give(project, Privacy.IDENTIFIABLE, "One", ida.person, [])
    second = give(project, Privacy.CONFIDENTIAL, "Two", ida.person, [])
    actions.record_action(
        project, actions.Details(title="Both answered"), [first, second], coordinator.user
    )
    assert len(messages_for(ida)) == 1


def test_completing_an_action_acts_on_its_contributions_and_tells_people_once(
    action: Action, said: Said, ida: Member, coordinator: Member
) -> None:
    actions.change_status(action, ActionStatus.DONE, coordinator.user, note="Live on ward 4")
    actions.change_status(action, ActionStatus.DONE, coordinator.user)
    said.identifiable.refresh_from_db()
    assert said.identifiable.status == ResponseStatus.ACTED_ON
    assert [m.kind for m in messages_for(ida)] == ["accountability.recorded", "accountability.done"]
    action.refresh_from_db()
    assert action.done_on is not None


def test_done_again_after_being_reopened_is_not_told_twice(
    action: Action, ida: Member, coordinator: Member
) -> None:
    actions.change_status(action, ActionStatus.DONE, coordinator.user)
    actions.change_status(action, ActionStatus.IN_PROGRESS, coordinator.user)
    actions.change_status(action, ActionStatus.DONE, coordinator.user)
    assert [m.kind for m in messages_for(ida)] == ["accountability.recorded", "accountability.done"]


def test_not_possible_needs_a_reason_and_gives_it_as_the_response(
    action: Action, said: Said, gwen: Member, coordinator: Member
) -> None:
    with pytest.raises(actions.ReasonNeeded):
        actions.change_status(action, ActionStatus.NOT_POSSIBLE, coordinator.user, reason="  ")
    actions.change_status(
        action, ActionStatus.NOT_POSSIBLE, coordinator.user, reason="The trust said no."
    )
    said.group_anonymous.refresh_from_db()
    assert said.group_anonymous.status == ResponseStatus.NOT_TAKEN_FORWARD
    assert said.group_anonymous.response == "Carers asked before discharge: The trust said no."
    assert messages_for(gwen)[-1].kind == "accountability.not_possible"


def test_the_database_refuses_not_possible_without_a_reason(action: Action) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(status=ActionStatus.NOT_POSSIBLE, reason="")


def test_the_database_refuses_done_without_a_date(action: Action) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(status=ActionStatus.DONE, done_on=None)


def test_every_status_change_is_kept_in_the_history(action: Action, coordinator: Member) -> None:
    actions.change_status(action, ActionStatus.IN_PROGRESS, coordinator.user, note="Started")
    history = list(
        ActionUpdate.objects.filter(action=action).values_list("from_status", "to_status", "note")
    )
    assert history == [("", "planned", ""), ("planned", "in_progress", "Started")]


def test_a_contribution_acted_on_elsewhere_stays_acted_on(
    done_action: Action, said: Said, coordinator: Member, project: Project
) -> None:
    later = actions.record_action(
        project, actions.Details(title="More to do"), [said.group_anonymous], coordinator.user
    )
    assert later.status == ActionStatus.PLANNED
    said.group_anonymous.refresh_from_db()
    assert said.group_anonymous.status == ResponseStatus.ACTED_ON


def test_an_action_recorded_as_done_tells_people_it_is_done(
    done_action: Action, gwen: Member
) -> None:
    assert [m.kind for m in messages_for(gwen)] == ["accountability.done"]
    assert "changed something" in messages_for(gwen)[0].body


def test_another_projects_contributions_are_never_linked(
    project: Project, ida: Member, coordinator: Member
) -> None:
    other = ProjectFactory.create(organisation=project.organisation)
    stranger = give(other, Privacy.IDENTIFIABLE, "Elsewhere", ida.person, [])
    action = actions.record_action(
        project, actions.Details(title="Ours"), [stranger], coordinator.user
    )
    assert not action.contributions.exists()
    assert messages_for(ida) == []


def test_changing_an_action_links_new_views_and_tells_only_their_givers(
    project: Project, said: Said, ida: Member, gwen: Member, coordinator: Member
) -> None:
    action = actions.record_action(
        project, actions.Details(title="First"), [said.identifiable], coordinator.user
    )
    actions.change_action(
        action,
        actions.Details(title="First, and more"),
        [said.group_anonymous],
        coordinator.user,
    )
    assert set(action.contributions.all()) == {said.group_anonymous}
    assert len(messages_for(ida)) == 1
    assert len(messages_for(gwen)) == 1
    action.refresh_from_db()
    assert action.title == "First, and more"


def test_an_erased_person_is_not_told(
    project: Project, said: Said, ida: Member, coordinator: Member
) -> None:
    ida.person.erased_at = ida.person.created_at
    ida.person.save()
    actions.record_action(
        project, actions.Details(title="x"), [said.identifiable], coordinator.user
    )
    assert messages_for(ida) == []


def test_comments_and_board_settings_are_saved(
    action: Action, carer: Member, coordinator: Member, project: Project
) -> None:
    comment = actions.add_comment(action, carer.person, "  It helped.  ")
    assert Comment.objects.get(pk=comment.pk).text == "It helped."
    board = actions.choose_public(project, True, coordinator.user)
    assert board.public
    assert actions.choose_public(project, False, coordinator.user).public_id == board.public_id
    assert "/you-said-we-did/" in actions.board_link(project)
