from django.contrib import admin
from django.urls import include, path

from tergeu.accounts import views as account_views
from tergeu.accounts.signin import SignInView
from tergeu.api.main import api

admin.site.site_header = "Tergeu administration"
admin.site.site_title = "Tergeu"

urlpatterns = [
    path("", include("tergeu.web.urls")),
    path("", include("tergeu.casualties.urls")),
    path("", include("tergeu.estimation.urls")),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("account/", account_views.account, name="tg-account"),
    path("language/", account_views.set_language, name="tg-set-language"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
