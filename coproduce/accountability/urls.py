from django.urls import URLPattern

app_name = "accountability"

urlpatterns: list[URLPattern] = []
