import factory

from coproduce.projects.tests.factories import ProjectFactory
from coproduce.surveys import actions
from coproduce.surveys.models import Question, QuestionKind, Survey, SurveyStatus


class SurveyFactory(factory.django.DjangoModelFactory[Survey]):
    """An open survey for the project's group, one question per page."""

    class Meta:
        model = Survey

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Getting home from hospital {n}")
    title_cy = factory.Sequence(lambda n: f"Mynd adref o'r ysbyty {n}")
    intro = "Tell us how it went."
    status = SurveyStatus.OPEN


def add_question(
    survey: Survey,
    text: str,
    kind: str = QuestionKind.FREE_TEXT,
    options: list[str] | None = None,
    required: bool = True,
    condition: object = None,
    text_cy: str = "",
) -> Question:
    """A question added through the real action."""
    return actions.save_question(
        survey,
        {
            "kind": kind,
            "text": text,
            "text_cy": text_cy,
            "hint": "",
            "hint_cy": "",
            "required": required,
            "condition": condition,
            "options": [(o, "") for o in options or []],
        },
    )
