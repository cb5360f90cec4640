from django.db import migrations, models

from concord.core.release import backfill


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_party_release_bit'),
        ('council', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.AddField(
            model_name='implementationreport',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.AddField(
            model_name='instruction',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.AddField(
            model_name='session',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
        migrations.RunPython(backfill('council', 'document', 'implementationreport', 'instruction', 'session'), migrations.RunPython.noop),
    ]
