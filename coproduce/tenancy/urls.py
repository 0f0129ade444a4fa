from django.urls import path

from coproduce.tenancy import views

app_name = "tenancy"
urlpatterns = [
    path("", views.choose_organisation, name="choose"),
    path("contact-details/", views.contact_details, name="contact-details"),
]
