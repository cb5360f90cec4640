import hashlib

from django.db import migrations, models


def stamp_issued_tokens(apps, schema_editor):
    # Tokens issued before fingerprints existed keep working under their owner's present
    # password; the next password change ends them like any other. The formula is that of
    # concord.accounts.models.password_fingerprint, frozen here.
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.select_related("user").only("pk", "user__password"):
        fingerprint = hashlib.sha256(
            b"concord.accounts.api-token:" + token.user.password.encode("utf-8")).hexdigest()
        ApiToken.objects.filter(pk=token.pk).update(password_fingerprint=fingerprint)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='apitoken',
            name='password_fingerprint',
            field=models.CharField(default='', max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='apitoken',
            name='read_only',
            field=models.BooleanField(default=False, verbose_name='read only'),
        ),
        migrations.RunPython(stamp_issued_tokens, migrations.RunPython.noop),
    ]
