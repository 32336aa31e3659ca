from django import forms

from verdex.catalog.models import Need, Status

from .models import AgreementType, DeclineReason, Stage


class ConnectionRequestForm(forms.Form):
    message = forms.CharField(
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Introduce yourself and say what you would like to do together (20–4,000 characters). "
        "Your email address is shared only if the owner accepts.",
    )
    about_need = forms.ModelChoiceField(
        label="About one of your needs",
        queryset=Need.objects.none(),
        required=False,
        empty_label="(none)",
        help_text="Optional: the need of yours this technology or expert could help with.",
    )

    def __init__(self, *args, requester, listing, **kwargs):
        super().__init__(*args, **kwargs)
        if listing.kind == "need":
            del self.fields["about_need"]
        else:
            self.fields["about_need"].queryset = (
                Need.objects.filter(owner=requester).exclude(status=Status.ARCHIVED).order_by("title")
            )


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(
        label="Move to",
        error_messages={"invalid_choice": "You cannot move this connection to that stage now."},
    )
    decline_reason = forms.ChoiceField(
        label="Reason for declining",
        required=False,
        choices=[("", "—")] + DeclineReason.choices,
        help_text="Required when you decline.",
    )
    agreement_type = forms.ChoiceField(
        label="Kind of agreement",
        required=False,
        choices=[("", "—")] + AgreementType.choices,
        help_text="Required when you record an agreement.",
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [(stage, Stage(stage).label) for stage in stages]
        if Stage.DECLINED not in stages:
            del self.fields["decline_reason"]
        if Stage.AGREEMENT not in stages:
            del self.fields["agreement_type"]

    def clean(self):
        cleaned = super().clean()
        stage = cleaned.get("to_stage")
        if stage == Stage.DECLINED and not cleaned.get("decline_reason"):
            self.add_error("decline_reason", "Choose why you decline; the requester sees it.")
        if stage == Stage.AGREEMENT and not cleaned.get("agreement_type"):
            self.add_error("agreement_type", "Choose what kind of agreement you reached.")
        return cleaned


class MessageForm(forms.Form):
    note = forms.CharField(
        label="Message",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
