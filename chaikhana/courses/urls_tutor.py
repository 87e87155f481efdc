"""Addresses of the tutor pages, certificates, public calendar feeds and reports.

Included by urls.py before its ``<slug>/`` catch-all, which would otherwise take
"certificates" or "calendar" for a course's address.
"""

from django.urls import path

from chaikhana.courses.tutor import public, views

urlpatterns = [
    path("calendar.ics", public.all_sessions_feed, name="calendar_all"),
    path("calendar/", public.my_calendar, name="my_calendar"),
    path("calendar/new/", public.regenerate_calendar, name="calendar_regenerate"),
    path("certificates/", public.my_certificates, name="my_certificates"),
    path("certificates/<str:code>/", public.certificate, name="certificate"),
    path("manage/teaching/", views.dashboard, name="teaching"),
    path("manage/sessions/<int:session_id>/roster/", views.roster, name="roster"),
    path("manage/sessions/<int:session_id>/roster.csv", views.roster_csv, name="roster_csv"),
    path(
        "manage/courses/<int:course_id>/certificates/",
        views.certificates,
        name="tutor_certificates",
    ),
    path(
        "manage/certificates/<int:certificate_id>/revoke/", views.revoke, name="revoke_certificate"
    ),
    path("manage/reports/", views.report, name="reports"),
    path("<slug:slug>/calendar.ics", public.course_feed, name="course_calendar"),
]
