from django import forms

from .models import Frequency, Kind, SavedSearch


class PreferencesForm(forms.Form):
    """One choice of frequency per kind of notification."""

    def __init__(self, *args, initial_frequencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=Frequency.choices,
                initial=(initial_frequencies or {}).get(kind.value),
            )


class SaveSearchForm(forms.Form):
    name = forms.CharField(max_length=100, label="Name")
    frequency = forms.ChoiceField(
        choices=SavedSearch.AlertFrequency.choices, initial=SavedSearch.AlertFrequency.DAILY,
        label="Email me new listings",
    )
    kind = forms.ChoiceField(
        choices=[(kind, kind) for kind in SavedSearch.KINDS], widget=forms.HiddenInput, label="Kind",
    )
    query = forms.CharField(required=False, max_length=8000, widget=forms.HiddenInput)


class SavedSearchForm(forms.Form):
    name = forms.CharField(max_length=100, label="Name")
    frequency = forms.ChoiceField(choices=SavedSearch.AlertFrequency.choices, label="Alerts")
    paused = forms.BooleanField(required=False, label="Paused")
