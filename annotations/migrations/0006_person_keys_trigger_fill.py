from django.db import migrations

from annotations.names import name_keys

# Keys go stale when a name or alias changes; the trigger marks them missing (NULL) so
# the next search or `refresh_person_keys` recomputes them. A write that sets the keys
# itself (the refresh) is left alone.
TRIGGER = """
CREATE FUNCTION annotations_person_keys_stale() RETURNS trigger AS $$
BEGIN
  IF (NEW.name IS DISTINCT FROM OLD.name OR NEW.aliases IS DISTINCT FROM OLD.aliases)
     AND NEW.search_keys IS NOT DISTINCT FROM OLD.search_keys THEN
    NEW.search_keys := NULL;
    NEW.search_text := NULL;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER annotations_person_keys_stale BEFORE UPDATE ON annotations_person
  FOR EACH ROW EXECUTE FUNCTION annotations_person_keys_stale();
"""
DROP = """
DROP TRIGGER IF EXISTS annotations_person_keys_stale ON annotations_person;
DROP FUNCTION IF EXISTS annotations_person_keys_stale();
"""


def fill_keys(apps, schema_editor):
    Person = apps.get_model("annotations", "Person")
    batch = []
    for person in Person.objects.filter(search_keys__isnull=True).only("name", "aliases").iterator(2000):
        person.search_keys = name_keys(person.name, *person.aliases)
        person.search_text = " ".join(person.search_keys)
        batch.append(person)
        if len(batch) >= 2000:
            Person.objects.bulk_update(batch, ["search_keys", "search_text"])
            batch = []
    Person.objects.bulk_update(batch, ["search_keys", "search_text"])


class Migration(migrations.Migration):
    dependencies = [("annotations", "0005_person_search_keys_quote_text_indexes")]

    operations = [
        migrations.RunSQL(TRIGGER, DROP),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
