from django.db import migrations, models


def number_parties(apps, schema_editor):
    Party = apps.get_model("core", "Party")
    for bit, party in enumerate(Party.objects.order_by("pk")):
        party.release_bit = bit
        party.save(update_fields=["release_bit"])


class Migration(migrations.Migration):
    dependencies = [("core", "0002_audit_append_only")]

    operations = [
        migrations.AddField(
            model_name="party", name="release_bit",
            field=models.PositiveSmallIntegerField(null=True, editable=False,
                                                   verbose_name="release bit"),
        ),
        migrations.RunPython(number_parties, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="party", name="release_bit",
            field=models.PositiveSmallIntegerField(editable=False, unique=True,
                                                   verbose_name="release bit"),
        ),
    ]
