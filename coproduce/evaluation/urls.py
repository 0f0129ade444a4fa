from django.urls import path

from coproduce.evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("projects/<int:project_pk>/evaluation/", views.project_evaluation, name="project"),
    path("projects/<int:project_pk>/evaluation/propose/", views.propose, name="propose"),
    path(
        "projects/<int:project_pk>/evaluation/put-to-group/",
        views.put_to_group,
        name="put-to-group",
    ),
    path("projects/<int:project_pk>/evaluation/ask/", views.ask, name="ask"),
]
