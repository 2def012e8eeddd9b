"""Who can act: a person with an account, an anonymous visitor, or the portal itself."""

from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from accounts.system import SystemActor

Actor = User | AnonymousUser | SystemActor
