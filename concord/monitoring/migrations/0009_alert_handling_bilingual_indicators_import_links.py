"""Indicators get a name in each language (the one name they had goes to both, to be
translated), alerts who acknowledged them and who handles them, incidents the import from the
page that added them, and an import the run it retries."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def carry_names_over(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    Indicator.objects.update(name_ru=models.F("name"), name_en=models.F("name"))


def carry_names_back(apps, schema_editor):
    Indicator = apps.get_model("monitoring", "Indicator")
    Indicator.objects.update(name=models.F("name_ru"))


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0008_incident_stage'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='indicator',
            name='name_ru',
            field=models.CharField(default='', max_length=200, verbose_name='name (Russian)'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='indicator',
            name='name_en',
            field=models.CharField(default='', max_length=200, verbose_name='name (English)'),
            preserve_default=False,
        ),
        migrations.RunPython(carry_names_over, carry_names_back),
        migrations.AlterModelOptions(
            name='indicator',
            options={'ordering': ['name_ru'], 'verbose_name': 'indicator', 'verbose_name_plural': 'indicators'},
        ),
        migrations.RemoveField(
            model_name='indicator',
            name='name',
        ),
        migrations.AlterField(
            model_name='indicator',
            name='kind',
            field=models.CharField(choices=[('count', 'Number of incidents in the window'), ('rise', 'A rise over the 90-day baseline, in per cent')], default='count', max_length=8, verbose_name='threshold'),
        ),
        migrations.AddField(
            model_name='alert',
            name='acknowledged_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='acknowledged'),
        ),
        migrations.AddField(
            model_name='alert',
            name='acknowledged_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='acknowledged by'),
        ),
        migrations.AddField(
            model_name='alert',
            name='assignee',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='assigned_alerts', to=settings.AUTH_USER_MODEL, verbose_name='assigned to'),
        ),
        migrations.AddField(
            model_name='incidentimport',
            name='retry_of',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='retries', to='monitoring.incidentimport', verbose_name='retry of'),
        ),
        migrations.AddField(
            model_name='incident',
            name='import_run',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='incidents', to='monitoring.incidentimport', verbose_name='import'),
        ),
        migrations.AddField(
            model_name='incidentstage',
            name='import_run_id',
            field=models.BigIntegerField(null=True),
        ),
    ]
