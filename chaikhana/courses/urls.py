"""The school's addresses, under /courses/."""

from django.urls import include, path

from chaikhana.courses.views import calendar, catalogue, manage, registration

app_name = "courses"

urlpatterns = [
    path("", catalogue.catalogue, name="catalogue"),
    path("tutors/<int:user_id>/", catalogue.tutor, name="tutor"),
    path("sessions/<int:session_id>/", registration.session, name="session"),
    path("sessions/<int:session_id>/register/", registration.register_self, name="register"),
    path("sessions/<int:session_id>/guest/", registration.register_guest, name="register_guest"),
    path("sessions/<int:session_id>/group/", registration.register_group, name="register_group"),
    path("sessions/<int:session_id>/calendar.ics", calendar.session_ics, name="session_ics"),
    path("registrations/<str:token>/", registration.manage, name="registration"),
    path("registrations/<str:token>/cancel/", registration.cancel, name="cancel"),
    path("registrations/<str:token>/confirm/", registration.confirm, name="confirm"),
    path("groups/<str:token>/", registration.group, name="group"),
    path("mine/", registration.mine, name="mine"),
    path("calendar/<str:token>.ics", calendar.feed, name="calendar_feed"),
    path("manage/", manage.index, name="manage"),
    path("manage/courses/new/", manage.course_form, name="course_new"),
    path("manage/courses/<int:course_id>/", manage.course_form, name="course_edit"),
    path("manage/courses/<int:course_id>/sessions/new/", manage.session_form, name="session_new"),
    path("manage/sessions/<int:session_id>/", manage.session_form, name="session_edit"),
    path("manage/sessions/<int:session_id>/cancel/", manage.cancel, name="session_cancel"),
    path("", include("chaikhana.courses.urls_tutor")),  # before the <slug>/ catch-all
    path("<slug:slug>/", catalogue.course, name="course"),
]
