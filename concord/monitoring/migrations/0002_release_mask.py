from django.db import migrations, models

from concord.core.release import backfill


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_party_release_bit'),
        ('monitoring', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='alert',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.AddField(
            model_name='incident',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.AddField(
            model_name='situationreport',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.RunPython(backfill('monitoring', 'alert', 'incident', 'indicator', 'situationreport'), migrations.RunPython.noop),
    ]
