from coproduce.selfassessment import actions
from coproduce.selfassessment.guidance import GUIDANCE
from coproduce.selfassessment.models import Question
from coproduce.tenancy.models import Organisation


def test_an_emptied_guidance_set_is_restored_from_what_ships(org_a: Organisation) -> None:
    Question.objects.all().delete()
    assert actions.adopt_guidance(org_a) == len(GUIDANCE)
    assert Question.objects.filter(organisation=None).count() == len(GUIDANCE)
    actions.restore_guidance()  # only ever once
    assert Question.objects.filter(organisation=None).count() == len(GUIDANCE)
