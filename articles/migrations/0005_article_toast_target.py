from django.db import migrations


class Migration(migrations.Migration):
    """Keep article rows narrow: bodies and search vectors over ~256 bytes live in TOAST.

    Lists, filters and search read many rows but rarely the body; with the default target
    (~2 kB) a typical body stays inline and each heap page holds two or three articles, so
    every index-driven list read touches far more pages than it needs. Applies to rows
    written from now on (VACUUM FULL rewrites existing ones).
    """

    dependencies = [("articles", "0004_article_list_indexes")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE articles_article SET (toast_tuple_target = 256)",
            "ALTER TABLE articles_article RESET (toast_tuple_target)",
        )
    ]
