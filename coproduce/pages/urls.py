from django.urls import path

from coproduce.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("o/<slug:organisation_slug>/", views.front_door, name="front-door"),
    path("pages/accessibility/", views.accessibility, name="accessibility"),
    path("pages/privacy/", views.privacy, name="privacy"),
    path("welsh-to-write/", views.welsh_to_write, name="welsh-to-write"),
    path("ping/", views.ping, name="ping"),
    path("health/", views.health, name="health"),
]
