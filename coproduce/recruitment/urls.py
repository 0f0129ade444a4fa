from django.urls import path

from coproduce.recruitment import views

app_name = "recruitment"
urlpatterns = [
    path("projects/<int:project_pk>/briefs/", views.project_briefs, name="briefs"),
]
