from django.db import migrations

# Article.countries lists the countries an article's visible mentions name, so the country
# filters are one GIN-indexed condition on the article instead of a probe into its mentions
# per candidate article (which read more mentions the larger the archive).
#
# Statement-level triggers with transition tables: one refresh per bulk insert of an
# extraction, not one per mention. The article rows are locked first, so that the refresh
# (a later statement, with a fresh snapshot under READ COMMITTED) sees the mentions any
# concurrent writer committed meanwhile. A guard keeps every other write off the column.
TRIGGERS = """
CREATE FUNCTION articles_countries_refresh(article_ids bigint[]) RETURNS void AS $$
BEGIN
  PERFORM 1 FROM articles_article WHERE id = ANY(article_ids) ORDER BY id FOR UPDATE;
  UPDATE articles_article a SET countries = fresh.ids
  FROM (
    SELECT changed.id AS article_id,
           coalesce(array_agg(DISTINCT m.country_id ORDER BY m.country_id)
                    FILTER (WHERE m.country_id IS NOT NULL), '{}') AS ids
    FROM unnest(article_ids) AS changed(id)
    LEFT JOIN annotations_mention m
      ON m.article_id = changed.id AND m.country_id IS NOT NULL AND m.status <> 'rejected'
    GROUP BY changed.id
  ) fresh
  WHERE a.id = fresh.article_id AND a.countries IS DISTINCT FROM fresh.ids;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION annotations_mention_countries() RETURNS trigger AS $$
DECLARE
  ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT article_id) INTO ids FROM new_rows WHERE country_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT article_id) INTO ids FROM old_rows WHERE country_id IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT article_id) INTO ids FROM (
      SELECT o.article_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.country_id IS NOT NULL OR n.country_id IS NOT NULL)
        AND (o.country_id, o.article_id, o.status = 'rejected')
            IS DISTINCT FROM (n.country_id, n.article_id, n.status = 'rejected')
      UNION ALL
      SELECT n.article_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE n.country_id IS NOT NULL AND n.article_id <> o.article_id
    ) moved;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM articles_countries_refresh(ids);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotations_mention_countries_insert AFTER INSERT ON annotations_mention
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION annotations_mention_countries();
CREATE TRIGGER annotations_mention_countries_update AFTER UPDATE ON annotations_mention
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION annotations_mention_countries();
CREATE TRIGGER annotations_mention_countries_delete AFTER DELETE ON annotations_mention
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION annotations_mention_countries();

UPDATE articles_article a SET countries = fresh.ids
FROM (
  SELECT article_id, array_agg(DISTINCT country_id ORDER BY country_id) AS ids
  FROM annotations_mention WHERE country_id IS NOT NULL AND status <> 'rejected'
  GROUP BY article_id
) fresh
WHERE a.id = fresh.article_id;

-- Only the refresh above (run from a trigger, so at depth 2 here) may change the column.
CREATE FUNCTION articles_article_countries_guard() RETURNS trigger AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    NEW.countries := OLD.countries;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_article_countries_guard BEFORE UPDATE OF countries ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_countries_guard();
"""
DROP = """
DROP TRIGGER IF EXISTS articles_article_countries_guard ON articles_article;
DROP FUNCTION IF EXISTS articles_article_countries_guard();
DROP TRIGGER IF EXISTS annotations_mention_countries_insert ON annotations_mention;
DROP TRIGGER IF EXISTS annotations_mention_countries_update ON annotations_mention;
DROP TRIGGER IF EXISTS annotations_mention_countries_delete ON annotations_mention;
DROP FUNCTION IF EXISTS annotations_mention_countries();
DROP FUNCTION IF EXISTS articles_countries_refresh(bigint[]);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0009_correction_metadata"),
        ("articles", "0009_article_countries"),
    ]

    operations = [migrations.RunSQL(TRIGGERS, DROP)]
