from django.urls import path

from coproduce.activities import views

app_name = "activities"
urlpatterns = [
    path("projects/<int:project_pk>/activities/", views.project_list, name="list"),
]
