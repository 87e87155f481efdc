from django.urls import path

from chaikhana.portal import urls_reading
from chaikhana.portal.views import desk, factcheck, front, stories, submissions

app_name = "portal"
urlpatterns = [
    path("", front.home, name="home"),
    path("portal/desk/", desk.desk, name="desk"),
    path("portal/submit/", submissions.submit, name="submit"),
    path("portal/mine/", submissions.mine, name="mine"),
    path("portal/submissions/<int:pk>/", submissions.detail, name="submission"),
    path("portal/submissions/<int:pk>/move/", submissions.move, name="move"),
    path("portal/submissions/<int:pk>/messages/", submissions.message, name="message"),
    path("portal/submissions/<int:pk>/factcheck/", factcheck.factcheck, name="factcheck"),
    path("portal/submissions/<int:pk>/claims/", factcheck.new_claim, name="add_claim"),
    path("portal/submissions/<int:pk>/claims/<int:claim_pk>/", factcheck.verdict, name="verdict"),
    path("portal/submissions/<int:pk>/checklist/", factcheck.checklist, name="checklist"),
    path("portal/stories/<slug:slug>/", stories.story, name="story"),
]
urlpatterns += urls_reading.urlpatterns
