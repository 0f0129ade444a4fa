from django.urls import path

from coproduce.insight import views

app_name = "insight"
urlpatterns = [
    path("insight/", views.organisation_dashboard, name="organisation"),
    path("insight/census/", views.census_upload, name="census"),
    path("insight/census/remove/", views.census_remove, name="census-remove"),
    path("projects/<int:project_pk>/insight/", views.project_dashboard, name="project"),
]
