from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("annotations", "0002_initial")]

    operations = [TrigramExtension()]
