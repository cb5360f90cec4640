from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_party_release_bit'),
        ('labelprobe', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='dossier',
            name='release_mask',
            field=models.BigIntegerField(default=0, editable=False, verbose_name='release mask'),
        ),
    ]
