from coproduce.accountability import rules
from coproduce.accountability.models import ActionStatus
from coproduce.contributions.models import Privacy, ResponseStatus
from coproduce.contributions.rules import PUBLIC, Viewer
from coproduce.tenancy.models import Role

OWNER = 1
COORDINATOR = Viewer(organisation_id=OWNER, role=Role.COORDINATOR, person_id=10)
ADMIN = Viewer(organisation_id=OWNER, role=Role.ADMIN, person_id=11)
MEMBER = Viewer(organisation_id=OWNER, role=Role.CARER, person_id=12)
GIVER = Viewer(organisation_id=OWNER, role=Role.CARER, person_id=99)


def said(viewer: Viewer, privacy: Privacy, public: bool = False) -> rules.Said:
    person_id = None if privacy == Privacy.ANONYMOUS else 99
    return rules.said_for(
        viewer,
        pk=1,
        privacy=privacy,
        person_id=person_id,
        owner_id=OWNER,
        text="words",
        name="Gwen",
        public=public,
    )


def test_only_not_possible_needs_a_reason() -> None:
    assert rules.needs_reason(ActionStatus.NOT_POSSIBLE)
    assert not any(rules.needs_reason(s) for s in ActionStatus if s != ActionStatus.NOT_POSSIBLE)


def test_a_planned_action_answers_a_waiting_contribution_as_planned() -> None:
    assert rules.response_for(ResponseStatus.NEW, [ActionStatus.PLANNED]) == ResponseStatus.PLANNED
    assert (
        rules.response_for(ResponseStatus.CONSIDERED, [ActionStatus.IN_PROGRESS])
        == ResponseStatus.PLANNED
    )


def test_a_done_action_answers_any_contribution_as_acted_on() -> None:
    for current in ResponseStatus:
        if current == ResponseStatus.ACTED_ON:
            continue
        wanted = rules.response_for(current, [ActionStatus.PLANNED, ActionStatus.DONE])
        assert wanted == ResponseStatus.ACTED_ON


def test_an_acted_on_contribution_is_left_alone() -> None:
    for statuses in ([ActionStatus.DONE], [ActionStatus.PLANNED], [ActionStatus.NOT_POSSIBLE]):
        assert rules.response_for(ResponseStatus.ACTED_ON, statuses) is None


def test_a_contribution_whose_every_action_was_not_possible_is_not_taken_forward() -> None:
    not_possible = [ActionStatus.NOT_POSSIBLE]
    assert rules.response_for(ResponseStatus.PLANNED, not_possible) == (
        ResponseStatus.NOT_TAKEN_FORWARD
    )
    assert rules.response_for(ResponseStatus.NOT_TAKEN_FORWARD, not_possible) is None


def test_one_action_still_under_way_keeps_a_contribution_planned() -> None:
    statuses = [ActionStatus.NOT_POSSIBLE, ActionStatus.PLANNED]
    assert rules.response_for(ResponseStatus.PLANNED, statuses) is None
    assert rules.response_for(ResponseStatus.NOT_TAKEN_FORWARD, statuses) == ResponseStatus.PLANNED


def test_no_linked_action_changes_nothing() -> None:
    assert rules.response_for(ResponseStatus.NEW, []) is None


def test_the_response_is_the_action_or_why_it_was_not_possible() -> None:
    assert rules.response_text("Checklist", "On two wards", "planned", "") == (
        "Checklist: On two wards"
    )
    assert rules.response_text("Checklist", "", "done", "") == "Checklist"
    assert rules.response_text("Checklist", "x", "not_possible", "No budget") == (
        "Checklist: No budget"
    )


def test_done_and_not_possible_are_told_other_changes_are_not() -> None:
    assert rules.event_for(ActionStatus.DONE) == rules.Event.DONE
    assert rules.event_for(ActionStatus.NOT_POSSIBLE) == rules.Event.NOT_POSSIBLE
    assert rules.event_for(ActionStatus.IN_PROGRESS) is None


def test_anyone_linked_to_their_contribution_may_be_told_even_in_confidence() -> None:
    assert rules.may_be_told(Privacy.CONFIDENTIAL, 5)
    assert rules.may_be_told(Privacy.ANONYMOUS_TO_GROUP, 5)
    assert not rules.may_be_told(Privacy.ANONYMOUS, None)
    assert not rules.may_be_told(Privacy.IDENTIFIABLE, None)


def test_a_board_never_shows_confidential_words_even_to_the_coordinator() -> None:
    for viewer in (COORDINATOR, ADMIN, MEMBER, GIVER, PUBLIC):
        shown = said(viewer, Privacy.CONFIDENTIAL)
        assert shown.confidential
        assert shown.text == ""
        assert shown.name == ""


def test_the_public_board_never_shows_a_name() -> None:
    for privacy in (Privacy.IDENTIFIABLE, Privacy.ANONYMOUS_TO_GROUP):
        for viewer in (COORDINATOR, MEMBER, PUBLIC):
            shown = said(viewer, privacy, public=True)
            assert shown.text == "words"
            assert shown.name == ""


def test_the_group_sees_an_identifiable_name_but_not_an_anonymous_to_group_one() -> None:
    assert said(MEMBER, Privacy.IDENTIFIABLE).name == "Gwen"
    assert said(MEMBER, Privacy.ANONYMOUS_TO_GROUP).name == ""
    assert said(COORDINATOR, Privacy.ANONYMOUS_TO_GROUP).name == "Gwen"
    assert said(GIVER, Privacy.ANONYMOUS_TO_GROUP).name == "Gwen"


def test_an_anonymous_contribution_has_no_name_for_anyone() -> None:
    for viewer in (COORDINATOR, ADMIN, MEMBER):
        assert said(viewer, Privacy.ANONYMOUS).name == ""


def test_choosing_shows_confidential_words_only_to_the_owning_coordinator() -> None:
    def label(viewer: Viewer) -> tuple[str, str]:
        return rules.label_for_choice(
            viewer,
            privacy=Privacy.CONFIDENTIAL,
            person_id=99,
            owner_id=OWNER,
            text="words",
            name="Connie",
        )

    assert label(COORDINATOR) == ("words", "Connie")
    assert label(ADMIN) == ("", "")
    partner = Viewer(organisation_id=2, role=Role.COORDINATOR, person_id=20)
    assert label(partner) == ("", "")


def test_only_the_owning_coordinator_sees_who_wrote_a_comment() -> None:
    assert rules.may_see_commenters(COORDINATOR, OWNER)
    assert not rules.may_see_commenters(ADMIN, OWNER)
    assert not rules.may_see_commenters(MEMBER, OWNER)
    assert not rules.may_see_commenters(COORDINATOR, 2)
