from django import forms


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        label="Was this suggestion useful?",
        choices=[("yes", "Useful"), ("no", "Not useful")],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": "Choose “Useful” or “Not useful”.",
            "invalid_choice": "Choose “Useful” or “Not useful”.",
        },
    )
