from django.urls import path

from coproduce.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("language/", views.language, name="language"),
    path("sign-in/forgotten-password/", views.forgotten_password, name="forgotten-password"),
    path("sign-in/set-password/<uidb64>/<token>/", views.set_password, name="set-password"),
]
