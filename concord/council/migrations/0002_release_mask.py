from django.db import migrations, models

LABELLED = ('document', 'implementationreport', 'instruction', 'session')


def backfill(apps, schema_editor):
    """Fill the masks of the records that existed before the mask did: each party on a record's
    release list sets its party's bit. Written out here so that the migration never changes with
    concord.core.release."""
    for name in LABELLED:
        model = apps.get_model('council', name)
        relation = model._meta.get_field('releasable_to')
        through = relation.remote_field.through
        record, party = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        masks = {}
        for pk, bit in through.objects.values_list(record, f'{party}__release_bit'):
            masks[pk] = masks.get(pk, 0) | (1 << bit)
        for pk, mask in masks.items():
            model._base_manager.filter(pk=pk).update(release_mask=mask)


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
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
