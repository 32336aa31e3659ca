from django import forms

from verdex.taxonomy.models import Country, Language

from .models import User


class ProfileForm(forms.ModelForm):
    country = forms.ModelChoiceField(
        queryset=Country.objects.all(), required=False, empty_label="— Not given —",
        help_text="Where you are based.",
    )
    languages = forms.ModelMultipleChoiceField(
        queryset=Language.objects.all(), required=False,
        help_text="Languages you can work in. Hold Ctrl (or Cmd) to choose several.",
    )

    class Meta:
        model = User
        fields = ["display_name", "job_title", "country", "languages", "bio"]
        labels = {"display_name": "Display name", "bio": "About you"}
        help_texts = {
            "display_name": "The name other members see on your listings and connections.",
            "bio": "A few sentences about your work. Plain text; at most 2,000 characters.",
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 6, "maxlength": 2000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        display_name = self.fields["display_name"]
        display_name.required = True
        display_name.error_messages["required"] = "Enter the name other members should see."

    def clean_bio(self):
        bio = self.cleaned_data["bio"].strip()
        if len(bio) > 2000:
            raise forms.ValidationError(
                f"Keep your bio to 2,000 characters or fewer (it has {len(bio):,})."
            )
        return bio


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Enter it to confirm that you, and not someone at your unlocked computer, delete the account.",
    )
    confirm = forms.BooleanField(
        label="I understand that this cannot be undone.",
        error_messages={"required": "Tick the box to confirm that you want to delete your account."},
    )
