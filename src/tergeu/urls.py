from django.contrib import admin
from django.urls import include, path

from tergeu.web import views as web_views

admin.site.site_header = "Tergeu administration"
admin.site.site_title = "Tergeu"

urlpatterns = [
    path("", web_views.home, name="tg-home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
