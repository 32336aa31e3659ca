from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image

from verdex.taxonomy.models import Country

from .models import Invitation, Membership, Organisation

LOGO_FORMATS = {"JPEG", "PNG", "WEBP"}


def validate_logo(upload):
    """Accept only real JPEG, PNG or WebP images up to settings.MAX_IMAGE_BYTES."""
    if upload.size > settings.MAX_IMAGE_BYTES:
        raise forms.ValidationError(
            f"The logo is {filesizeformat(upload.size)}; the largest allowed is "
            f"{filesizeformat(settings.MAX_IMAGE_BYTES)}."
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except Exception:
        raise forms.ValidationError("The logo must be a JPEG, PNG or WebP image.") from None
    finally:
        upload.seek(0)
    if image_format not in LOGO_FORMATS:
        raise forms.ValidationError("The logo must be a JPEG, PNG or WebP image.")


class OrganisationForm(forms.ModelForm):
    country = forms.ModelChoiceField(queryset=Country.objects.all(), empty_label="— Choose a country —")
    website = forms.URLField(
        required=False, assume_scheme="https", help_text="The full address, starting with https://."
    )

    class Meta:
        model = Organisation
        fields = ["name", "org_type", "country", "website", "logo", "description"]
        labels = {"name": "Organisation name", "org_type": "Type of organisation"}
        help_texts = {
            "logo": "JPEG, PNG or WebP; square images look best.",
            "description": "What the organisation does. Basic HTML is allowed: paragraphs, lists, links.",
        }
        widgets = {"logo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].help_text += (
            f" At most {filesizeformat(settings.MAX_IMAGE_BYTES)}."
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        duplicates = Organisation.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError("An organisation with this name is already registered.")
        return name

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            validate_logo(logo)
        return logo


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        labels = {"email": "Email address", "role": "Role"}
        help_texts = {
            "email": "We email a link; they must log in with this address to join.",
            "role": "Administrators can edit the organisation, its listings and its members.",
        }


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)
