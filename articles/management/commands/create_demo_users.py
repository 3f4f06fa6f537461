import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (or reset) the demo admin and analyst accounts and print their logins."

    def handle(self, *args, **options):
        User = get_user_model()
        for username, role in (("admin", "admin"), ("analyst", "analyst")):
            password = os.environ.get(f"DEMO_{username.upper()}_PASSWORD") or secrets.token_urlsafe(9)
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = role == "admin"
            user.is_superuser = role == "admin"
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get_or_create(name=role)[0]])
            self.stdout.write(f"  login: {username} / password: {password}  ({role})")
