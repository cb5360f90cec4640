"""An index of the severe incidents alone (a partial one, with the picture index's columns), so
that the situation picture from severity 3 up reads the few severe incidents of the period
rather than the tallies of every incident in it. Only a severe incident is written to it."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [('monitoring', '0014_fine_cell_tally')]

    operations = [
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(condition=models.Q(('severity__gte', 3)), fields=['occurred_on', 'merged_into', 'category', 'country', 'week', 'latitude', 'longitude', 'severity', 'admin1', 'verification', 'classification', 'originator', 'release_to_all_members', 'release_mask'], name='monitoring_incident_severe'),
        ),
    ]
