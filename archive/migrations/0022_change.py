from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0021_search_schema"),
    ]

    operations = [
        migrations.CreateModel(
            name="Change",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("revision", models.PositiveBigIntegerField(db_index=True)),
                ("table", models.CharField(blank=True, max_length=40)),
                ("row", models.BigIntegerField(null=True)),
            ],
        ),
    ]
