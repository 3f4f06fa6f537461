from django.core.management.base import BaseCommand

from annotations.nlp.countries import country_records
from annotations.services import countries_load


class Command(BaseCommand):
    help = "Create or update every ISO 3166-1 country with its names and aliases (idempotent)."

    def handle(self, *args, **options):
        count = countries_load(records=country_records())
        self.stdout.write(f"{count} countries loaded")
