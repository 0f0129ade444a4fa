from django.urls import path

from coproduce.notifications import views

app_name = "notifications"
urlpatterns = [
    path("messages/not-sent/", views.not_delivered, name="not-delivered"),
    path("messages/<int:message_pk>/dealt-with/", views.deal_with, name="deal-with"),
]
