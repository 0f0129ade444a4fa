from django.urls import path

from coproduce.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("pages/accessibility/", views.accessibility, name="accessibility"),
    path("pages/privacy/", views.privacy, name="privacy"),
    path("ping/", views.ping, name="ping"),
]
