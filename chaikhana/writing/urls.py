from django.http import HttpResponse
from django.urls import path

app_name = "writing"
urlpatterns = [path("", lambda r: HttpResponse(""), name="dashboard")]
