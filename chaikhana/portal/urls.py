from django.urls import path

from chaikhana.portal.views import front

app_name = "portal"
urlpatterns = [path("", front.home, name="home")]
