from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsarchive.api.auth import api_token_issue


class Command(BaseCommand):
    help = "Print a bearer token for the JSON API (valid a year, revoked when the password changes)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}")
        self.stdout.write(api_token_issue(user))
