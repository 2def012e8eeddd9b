from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse

from accounts.permissions import is_observatory_staff
from web.forms import ExplainsRequired


class LoginForm(ExplainsRequired, AuthenticationForm):
    pass


class LoginView(auth_views.LoginView):
    """After logging in, each lands where their work is: councillors on their commitments,
    staff on what is late everywhere (the same page, /my/), others on the home page. A `next`
    address, when safe, wins."""

    form_class = LoginForm

    def get_default_redirect_url(self):
        user = self.request.user
        if user.is_councillor or is_observatory_staff(user):
            return reverse("my")
        return reverse("home")
