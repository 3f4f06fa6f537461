from django.core.management.base import BaseCommand

from annotations.search.persons import person_keys_fill_missing, person_keys_refresh


class Command(BaseCommand):
    help = "Recompute the folded name keys persons are searched by (all, or only missing ones)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="Only persons whose keys are missing.")

    def handle(self, *args, missing: bool = False, **options):
        count = person_keys_fill_missing(limit=10**9) if missing else person_keys_refresh()
        self.stdout.write(f"refreshed search keys of {count} persons")
