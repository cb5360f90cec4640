"""The staging table of imports: the checked rows of an import wait there, written in short
transactions, until one short transaction moves them into the incident table."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0007_tally_statement_triggers'),
    ]

    operations = [
        migrations.CreateModel(
            name='IncidentStage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('run', models.CharField(db_index=True, max_length=32)),
                ('staged_at', models.DateTimeField()),
                ('classification', models.PositiveSmallIntegerField()),
                ('originator_id', models.BigIntegerField(null=True)),
                ('release_to_all_members', models.BooleanField()),
                ('release_mask', models.BigIntegerField()),
                ('public_id', models.UUIDField()),
                ('external_id', models.CharField(max_length=100, null=True)),
                ('occurred_on', models.DateField()),
                ('occurred_at', models.TimeField(null=True)),
                ('time_precision', models.PositiveSmallIntegerField()),
                ('week', models.DateField()),
                ('country', models.CharField(max_length=2)),
                ('admin1', models.CharField(max_length=100)),
                ('admin2', models.CharField(max_length=100)),
                ('location', models.CharField(max_length=200)),
                ('latitude', models.FloatField(null=True)),
                ('longitude', models.FloatField(null=True)),
                ('geo_precision', models.PositiveSmallIntegerField()),
                ('category', models.CharField(max_length=32)),
                ('sub_category', models.CharField(max_length=40)),
                ('actor1', models.CharField(max_length=200)),
                ('assoc_actor1', models.CharField(max_length=300)),
                ('actor2', models.CharField(max_length=200)),
                ('assoc_actor2', models.CharField(max_length=300)),
                ('fatalities', models.PositiveIntegerField()),
                ('fatalities_low', models.PositiveIntegerField(null=True)),
                ('fatalities_high', models.PositiveIntegerField(null=True)),
                ('injured', models.PositiveIntegerField()),
                ('injured_low', models.PositiveIntegerField(null=True)),
                ('injured_high', models.PositiveIntegerField(null=True)),
                ('severity', models.PositiveSmallIntegerField()),
                ('narrative', models.TextField()),
                ('sources', models.TextField()),
                ('source_scale', models.CharField(max_length=16)),
                ('reliability', models.CharField(max_length=1)),
                ('credibility', models.PositiveSmallIntegerField()),
                ('verification', models.CharField(max_length=16)),
                ('extra', models.JSONField()),
                ('merged_into_id', models.BigIntegerField(null=True)),
                ('recorded_at', models.DateTimeField()),
                ('recorded_by_id', models.BigIntegerField(null=True)),
            ],
            options={
                'ordering': ['id'],
            },
        ),
    ]
