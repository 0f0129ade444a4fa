from django.urls import path

from coproduce.selfassessment import views

app_name = "selfassessment"
urlpatterns = [
    path("", views.rounds, name="rounds"),
    path("open/", views.open_round, name="open"),
    path("questions/", views.questions, name="questions"),
    path("questions/adopt/", views.adopt, name="adopt"),
    path("questions/add/", views.question, name="question-add"),
    path("questions/<int:assessment_question_pk>/", views.question, name="question"),
    path("<int:round_pk>/", views.round_results, name="round"),
    path("<int:round_pk>/close/", views.close_round, name="close"),
    path("<int:round_pk>/publish/", views.publish, name="publish"),
    path("<int:round_pk>/answer/", views.answer, name="answer"),
    path("<int:round_pk>/carers/", views.find_carer, name="find-carer"),
    path("<int:round_pk>/carers/<int:person_pk>/", views.record, name="record"),
    path("<int:round_pk>/actions/add/", views.plan_action, name="action-add"),
    path("<int:round_pk>/actions/<int:plan_action_pk>/", views.plan_action, name="action"),
]
