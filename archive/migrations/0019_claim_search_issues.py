"""A claim is no longer found by its report's and meeting's titles: the column that held
them holds its issues' names and aliases (moved out of `search_context`, which keeps who said
it). The column keeps its database name, so the search indexes and triggers built on it stay;
the rows are recomputed here with the historical models (a frozen copy of what
archive/search/document.py computes, as migrations never import live code)."""

from django.db import migrations, models

CHUNK = 2000


def names(values):
    return "\n".join(dict.fromkeys(value for value in values if value))


def recompute(apps, schema_editor):
    Claim = apps.get_model("archive", "Claim")
    Delegation = apps.get_model("archive", "Delegation")
    from django_countries import countries  # reference data, not the archive's own code

    ids = list(Claim.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        claims = Claim.objects.filter(pk__in=ids[start : start + CHUNK]).prefetch_related(
            "issues__aliases", "speaker__person__aliases"
        )
        sides = {}
        for delegation in Delegation.objects.filter(
            meeting_id__in={c.meeting_id for c in claims}
        ).order_by("side"):
            sides.setdefault(delegation.meeting_id, []).append(
                (delegation.pk, countries.name(str(delegation.country)))
            )
        for claim in claims:
            speakers = []
            if claim.speaker_id:
                person = claim.speaker.person
                speakers = [person.name, *(a.name for a in person.aliases.all())]
            meeting_sides = sides.get(claim.meeting_id, [])
            if claim.joint:
                side_names = [name for _, name in meeting_sides]
            else:
                side_names = [name for pk, name in meeting_sides if pk == claim.delegation_id]
            claim.search_context = names([*speakers, *side_names])
            claim.search_issues = names(
                name
                for issue in claim.issues.all()
                for name in (issue.name, *(a.name for a in issue.aliases.all()))
            )
        Claim.objects.bulk_update(claims, ["search_context", "search_issues"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("archive", "0018_report_relayed_by")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RenameField("claim", "search_source", "search_issues"),
                migrations.AlterField(
                    "claim",
                    "search_issues",
                    models.TextField(blank=True, editable=False, db_column="search_source"),
                ),
            ],
            database_operations=[],
        ),
        # One way: the titles the column held before are not worth writing back.
        migrations.RunPython(recompute),
    ]
