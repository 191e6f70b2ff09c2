"""The site's URLs. There is one way to sign in: ``SignInView``, with its throttle and second factor.

Django's own sign-in forms are not routed: the admin's would skip both (its login page sends people to
ours), and the password-reset pages would e-mail links built from the request's Host header to anyone
who names an account. Passwords are reset by an administrator (``tergeu user``).
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tergeu.accounts import views as account_views
from tergeu.accounts.signin import SignInView
from tergeu.api.main import api

admin.site.site_header = "Tergeu administration"
admin.site.site_title = "Tergeu"

urlpatterns = [
    path("", include("tergeu.web.urls")),
    path("", include("tergeu.registry.urls")),
    path("", include("tergeu.linkage.urls")),
    path("", include("tergeu.history.urls")),
    path("", include("tergeu.estimation.urls")),
    path("", include("tergeu.witnesses.urls")),
    path("", include("tergeu.cases.urls")),
    path("", include("tergeu.forces.urls")),
    path("", include("tergeu.reports.urls")),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("admin/login/", account_views.admin_sign_in, name="tg-admin-login"),
    path("account/", account_views.account, name="tg-account"),
    path("language/", account_views.set_language, name="tg-set-language"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
