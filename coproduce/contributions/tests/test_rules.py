import pytest

from coproduce.contributions import rules
from coproduce.contributions.models import Privacy
from coproduce.tenancy.models import Role

OWNER = 1
GIVER = 10
coordinator = rules.Viewer(organisation_id=OWNER, role=Role.COORDINATOR, person_id=2)
admin = rules.Viewer(organisation_id=OWNER, role=Role.ADMIN, person_id=3)
partner_coordinator = rules.Viewer(organisation_id=7, role=Role.COORDINATOR, person_id=4)
member = rules.Viewer(organisation_id=OWNER, role=Role.CARER, person_id=5)
giver = rules.Viewer(organisation_id=OWNER, role=Role.CARER, person_id=GIVER)


def test_only_owning_coordinators_and_the_giver_read_confidential_words() -> None:
    def reads(viewer: rules.Viewer) -> bool:
        return rules.may_see_text(viewer, Privacy.CONFIDENTIAL, GIVER, OWNER)

    assert reads(coordinator)
    assert reads(giver)
    assert not reads(admin)
    assert not reads(partner_coordinator)
    assert not reads(member)
    assert not reads(rules.PUBLIC)


@pytest.mark.parametrize("privacy", [Privacy.IDENTIFIABLE, Privacy.ANONYMOUS_TO_GROUP])
def test_everyone_reads_words_that_are_not_confidential(privacy: Privacy) -> None:
    assert rules.may_see_text(member, privacy, GIVER, OWNER)
    assert rules.may_see_text(rules.PUBLIC, privacy, GIVER, OWNER)


def test_the_group_sees_names_only_of_identifiable_contributions() -> None:
    assert rules.may_see_name(member, Privacy.IDENTIFIABLE, GIVER, OWNER)
    assert not rules.may_see_name(member, Privacy.ANONYMOUS_TO_GROUP, GIVER, OWNER)
    assert not rules.may_see_name(member, Privacy.CONFIDENTIAL, GIVER, OWNER)


def test_staff_know_who_gave_a_view_anonymous_to_the_group() -> None:
    assert rules.may_see_name(admin, Privacy.ANONYMOUS_TO_GROUP, GIVER, OWNER)
    assert rules.may_see_name(partner_coordinator, Privacy.ANONYMOUS_TO_GROUP, GIVER, OWNER)


def test_nobody_signed_out_ever_sees_a_name() -> None:
    for privacy in Privacy:
        assert not rules.may_see_name(rules.PUBLIC, privacy, GIVER, OWNER)


def test_an_anonymous_contribution_has_no_name_for_anyone() -> None:
    for viewer in (coordinator, admin, member, giver):
        assert not rules.may_see_name(viewer, Privacy.ANONYMOUS, None, OWNER)


def test_a_choice_may_only_become_more_private() -> None:
    assert rules.may_change_privacy(Privacy.IDENTIFIABLE, Privacy.CONFIDENTIAL)
    assert rules.may_change_privacy(Privacy.ANONYMOUS_TO_GROUP, Privacy.ANONYMOUS_TO_GROUP)
    assert not rules.may_change_privacy(Privacy.CONFIDENTIAL, Privacy.IDENTIFIABLE)
    assert not rules.may_change_privacy(Privacy.ANONYMOUS_TO_GROUP, Privacy.IDENTIFIABLE)
    assert rules.privacy_choices_from(Privacy.ANONYMOUS_TO_GROUP) == [
        Privacy.ANONYMOUS_TO_GROUP,
        Privacy.ANONYMOUS,
        Privacy.CONFIDENTIAL,
    ]


def test_confidential_words_are_never_published() -> None:
    assert not rules.may_publish(Privacy.CONFIDENTIAL)
    assert rules.may_publish(Privacy.ANONYMOUS)


def test_age_bands() -> None:
    assert rules.age_band(None) is None
    assert rules.age_band(17) == rules.AgeBand.YOUNG
    assert rules.age_band(18) == rules.AgeBand.WORKING_AGE
    assert rules.age_band(65) == rules.AgeBand.OLDER


def test_a_view_from_one_age_group_only_is_spotted() -> None:
    young, older = rules.AgeBand.YOUNG, rules.AgeBand.OLDER
    everyone = {young, older}
    assert rules.one_group_only([young, young, None], everyone) == young
    assert rules.one_group_only([young, older], everyone) is None
    # One person is not a pattern; a project that only hears one group has no minority.
    assert rules.one_group_only([young], everyone) is None
    assert rules.one_group_only([young, young], {young}) is None


def test_a_reason_is_needed_only_when_not_taken_forward() -> None:
    assert rules.needs_reason("not_taken_forward")
    assert not rules.needs_reason("acted_on")
