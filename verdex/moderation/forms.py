from django import forms

from verdex.catalog.models import LISTING_MODELS

from .models import Report


class DecisionForm(forms.Form):
    """Publish, reject or unpublish one listing from the queue."""

    reason = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required to reject or unpublish. The owner sees this text.",
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(choices=Report.Reason.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What is wrong with this listing? Moderators read this; the owner does not.",
    )


class UpholdForm(forms.Form):
    note = forms.CharField(
        label="Note to the owner",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional. Added to the report reason the owner sees.",
    )


class DismissForm(forms.Form):
    note = forms.CharField(
        label="Why dismiss?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept in the audit log.",
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(required=False)
    kind = forms.ChoiceField(
        label="Kind of listing",
        required=False,
        choices=[("", "All kinds")] + [(kind, kind.capitalize()) for kind in LISTING_MODELS],
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "All actions")] + [(action, action) for action in actions]
