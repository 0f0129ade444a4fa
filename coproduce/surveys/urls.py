from django.urls import path

from coproduce.surveys import answer_views, exports, views

app_name = "surveys"
urlpatterns = [
    # Staff: build, open, close, enter paper and phone answers, results, late feedback.
    path("projects/<int:project_pk>/surveys/", views.project_surveys, name="list"),
    path("projects/<int:project_pk>/surveys/new/", views.survey_new, name="new"),
    path("surveys/<int:survey_pk>/", views.survey_detail, name="survey"),
    path("surveys/<int:survey_pk>/edit/", views.survey_edit, name="edit"),
    path("surveys/<int:survey_pk>/questions/new/", views.question_new, name="question-new"),
    path(
        "surveys/<int:survey_pk>/questions/<int:question_pk>/",
        views.question_edit,
        name="question-edit",
    ),
    path(
        "surveys/<int:survey_pk>/questions/<int:question_pk>/move/",
        views.question_move,
        name="question-move",
    ),
    path(
        "surveys/<int:survey_pk>/questions/<int:question_pk>/remove/",
        views.question_remove,
        name="question-remove",
    ),
    path("surveys/<int:survey_pk>/open/", views.survey_open, name="open"),
    path("surveys/<int:survey_pk>/close/", views.survey_close, name="close"),
    path("surveys/<int:survey_pk>/enter/", views.enter, name="enter"),
    path("surveys/<int:survey_pk>/results/", views.results_page, name="results"),
    path("surveys/<int:survey_pk>/results.csv", exports.results_csv, name="results-csv"),
    path("surveys/<int:survey_pk>/results.xlsx", exports.results_xlsx, name="results-xlsx"),
    path("surveys/<int:survey_pk>/publish/", views.publish, name="publish"),
    path(
        "surveys/<int:survey_pk>/late/<int:late_pk>/contribution/",
        views.late_contribute,
        name="late-contribute",
    ),
    # Signed in: surveys to answer, and those begun.
    path("surveys/yours/", answer_views.yours, name="yours"),
    # Anyone in the survey's audience (the public, with no account, for a public survey).
    path("surveys/<uuid:survey_uuid>/", answer_views.start, name="start"),
    path("surveys/<uuid:survey_uuid>/thank-you/", answer_views.done, name="done"),
    path("surveys/<uuid:survey_uuid>/late/", answer_views.late, name="late"),
    path("surveys/<uuid:survey_uuid>/results/", answer_views.published, name="published"),
    path(
        "surveys/<uuid:survey_uuid>/answers/<uuid:response_token>/",
        answer_views.resume,
        name="resume",
    ),
    path(
        "surveys/<uuid:survey_uuid>/answers/<uuid:response_token>/all/",
        answer_views.all_questions,
        name="all",
    ),
    path(
        "surveys/<uuid:survey_uuid>/answers/<uuid:response_token>/questions/<int:question_pk>/",
        answer_views.question,
        name="question",
    ),
    path(
        "surveys/<uuid:survey_uuid>/answers/<uuid:response_token>/check/",
        answer_views.check,
        name="check",
    ),
    path(
        "surveys/<uuid:survey_uuid>/answers/<uuid:response_token>/saved/",
        answer_views.saved,
        name="saved",
    ),
]
