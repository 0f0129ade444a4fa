"""An open survey of the shared project (coproduce/conftest.py: organisation A's, with its
carer in the group): a yes/no question, a free-text question shown only after "yes", a
choice and a rating."""

from dataclasses import dataclass

import pytest

from coproduce.projects.models import Project
from coproduce.surveys.models import Question, QuestionKind, Survey
from coproduce.surveys.tests.factories import SurveyFactory, add_question


@dataclass
class Built:
    survey: Survey
    stayed: Question  # yes / no
    why: Question  # free text, only after "yes"
    help: Question  # single choice
    rating: Question  # 1 to 5, optional


@pytest.fixture
def built(project: Project) -> Built:
    survey: Survey = SurveyFactory.create(project=project, title="Getting home from hospital")
    stayed = add_question(
        survey,
        "Did you stay in hospital overnight?",
        QuestionKind.YES_NO,
        text_cy="Wnaethoch chi aros?",
    )
    yes = stayed.options.get(text="Yes")
    why = add_question(survey, "What was hardest?", condition=yes)
    help_ = add_question(
        survey, "Who helped most?", QuestionKind.SINGLE_CHOICE, ["Family", "Friends", "Nobody"]
    )
    rating = add_question(survey, "How was it overall?", QuestionKind.RATING, required=False)
    return Built(survey, stayed, why, help_, rating)


@pytest.fixture
def survey(built: Built) -> Survey:
    return built.survey
