"""Two ready-made roles so staff grant them in the admin by adding a group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Moderators": [("accounts", "moderate_listings")],
    "Programme managers": [
        ("accounts", "view_statistics"),
        ("catalog", "view_technology"),
        ("catalog", "view_need"),
        ("catalog", "view_expert"),
        ("organisations", "view_organisation"),
        ("organisations", "view_membership"),
        ("connections", "view_connection"),
        ("moderation", "view_report"),
        ("moderation", "view_auditentry"),
    ],
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make
    # sure they exist now so the groups can point at them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def delete_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("catalog", "0001_initial"),
        ("connections", "0001_initial"),
        ("moderation", "0001_initial"),
        ("organisations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_role_groups, delete_role_groups)]
