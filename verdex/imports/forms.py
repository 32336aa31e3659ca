from django import forms
from django.conf import settings

from .models import Format, Kind
from .targets import TARGETS

EXTENSIONS = {Format.CSV: (".csv", ".txt"), Format.XLSX: (".xlsx",), Format.JSON: (".json",),
              Format.PATENTS: (".csv", ".json")}
MAX_IMPORT_BYTES = getattr(settings, "MAX_IMPORT_BYTES", 50 * 1024 * 1024)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label="What the file lists", choices=Kind.choices,
                             help_text="Patent lists always become technologies.")
    format = forms.ChoiceField(label="File format", choices=Format.choices,
                               help_text="A patent list uses the columns described in the import guide.")
    file = forms.FileField(
        help_text="CSV files must be saved as UTF-8 (in Excel: “CSV UTF-8”). At most 50 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.json"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload, file_format = cleaned.get("file"), cleaned.get("format")
        if upload and file_format and not upload.name.lower().endswith(EXTENSIONS[file_format]):
            self.add_error("file", f"A {Format(file_format).label} file should end in "
                                   f"{' or '.join(EXTENSIONS[file_format])}.")
        if upload and upload.size > MAX_IMPORT_BYTES:
            self.add_error("file", "The file is larger than 50 MB; split it into smaller files.")
        return cleaned


class MappingForm(forms.Form):
    """One choice of file column per listing field."""

    def __init__(self, *args, kind, headers, initial_mapping, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "— not in the file —")] + [(header, header) for header in headers]
        for target in TARGETS[kind]:
            self.fields[target.name] = forms.ChoiceField(
                label=target.label + (" (required)" if target.required else ""),
                choices=choices, required=False, initial=initial_mapping.get(target.name, ""),
            )

    def mapping(self):
        return {name: column for name, column in self.cleaned_data.items() if column}
