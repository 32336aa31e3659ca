import uuid

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import User


@receiver(pre_save, sender=User)
def give_blank_username_a_unique_value(sender, instance, **kwargs):
    """People log in by email and never see a username, but the column is unique.

    allauth leaves it empty on signup (ACCOUNT_USER_MODEL_USERNAME_FIELD is None),
    so without this the second person to sign up would hit the unique constraint.
    """
    if not instance.username:
        instance.username = f"user-{uuid.uuid4().hex}"
