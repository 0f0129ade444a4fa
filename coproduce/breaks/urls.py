from django.urls import path

from coproduce.breaks import views

app_name = "breaks"
urlpatterns = [
    path("", views.home, name="home"),
    path("refer/<int:practice>/check/", views.refer_check, name="refer-check"),
    path("refer/<int:practice>/<slug:page>/", views.refer, name="refer"),
    path("referrals/<int:pk>/sent/", views.sent, name="sent"),
    path("your-break/<str:token>/", views.carer_answers, name="carer-answers"),
    path("queue/<int:pk>/carer-answers/", views.staff_carer_answers, name="staff-carer-answers"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral"),
    path("referrals/<int:pk>/check/", views.check, name="check"),
    path("referrals/<int:pk>/<slug:slug>/", views.step, name="step"),
    path("queue/", views.queue, name="queue"),
    path("queue/<int:pk>/", views.process, name="process"),
    path("schemes/", views.schemes, name="schemes"),
    path("wellbeing/<str:token>/", views.wellbeing, name="wellbeing"),
    path("schemes/<int:pk>/", views.report, name="report"),
    path("schemes/<int:pk>/figures.csv", views.report_csv, name="report-csv"),
    path("schemes/<int:pk>/practices/", views.practices, name="practices"),
    path("schemes/<int:pk>/practices/add/", views.add_practice, name="add-practice"),
    path("practices/<int:pk>/", views.practice, name="practice"),
    path("practices/<int:pk>/invite/", views.invite_practice, name="invite-practice"),
    path("join/<str:token>/", views.join, name="join"),
]
