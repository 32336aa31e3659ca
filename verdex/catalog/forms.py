"""Forms for creating and editing listings and for their uploads.

The forms only validate; saving goes through catalog.services.save_listing
(and catalog.uploads for files), which checks permissions and sanitises HTML.
"""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.html import strip_tags

from verdex.core.html import sanitize_html
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import TechnologyField

from . import uploads
from .models import Expert, Need, Technology, TRLGroup

MIN_TITLE_LENGTH = 5

TRL_LEVELS = [
    (1, "Basic principles observed"),
    (2, "Technology concept formulated"),
    (3, "Experimental proof of concept"),
    (4, "Technology validated in the lab"),
    (5, "Technology validated in a relevant environment"),
    (6, "Technology demonstrated in a relevant environment"),
    (7, "System prototype demonstrated in an operational environment"),
    (8, "System complete and qualified"),
    (9, "Actual system proven in an operational environment"),
]

MULTI_SELECT_HELP = (
    "Type to find and choose as many as apply (without JavaScript: hold Ctrl, or Cmd on a Mac, "
    "to choose more than one)."
)
DESCRIPTION_HELP = (
    "Basic HTML is allowed: paragraphs, bold, italics, lists, links and small headings "
    "(&lt;h3&gt;, &lt;h4&gt;). Anything else, such as scripts or styles, is removed."
)

TRL_HELP = (
    "How far the technology has come. WIPO GREEN groups the levels as: "
    + "; ".join(label for _, label in TRLGroup.choices) + "."
)


class FieldsByRootIterator(ModelChoiceIterator):
    """Technology fields as option groups, one per top-level field.

    Each group offers the top-level field itself (meaning "the whole area")
    followed by its sub-fields, so the hierarchy is visible in the widget.
    """

    def __iter__(self):
        groups = {}
        for field in self.queryset.select_related("root"):
            root = field.root or field
            options = groups.setdefault(root, [])
            if field.depth == 0:
                value, _ = self.choice(field)
                options.insert(0, (value, f"All of {field.name} ({field.code})"))
            else:
                options.append(self.choice(field))
        for root, options in groups.items():
            yield (f"{root.code} {root.name}", options)


class RegionsByKindIterator(ModelChoiceIterator):
    """Regions grouped as UN regions, sub-regions and country groups."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups = {}
        for region in self.queryset:
            groups.setdefault(region.get_kind_display(), []).append(self.choice(region))
        yield from groups.items()


def _group_regions(field):
    field.iterator = RegionsByKindIterator
    field.widget.choices = field.choices


class TechnologyFieldsField(forms.ModelMultipleChoiceField):
    iterator = FieldsByRootIterator

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class CheckboxList(forms.CheckboxSelectMultiple):
    """Checkboxes in columns, each option group in its own fieldset with a legend."""

    template_name = "catalog/widgets/checkbox_list.html"


class SearchableSelect(forms.Select):
    """A plain <select> that static/js/listing_form.js turns into a Tom Select search box.

    Without JavaScript it stays an ordinary select, so the form still works.
    """

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-searchable": "", **(attrs or {})}, choices)


class SearchableSelectMultiple(forms.SelectMultiple):
    """A <select multiple> that listing_form.js turns into a Tom Select search box with tags."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-searchable": "", **(attrs or {})}, choices)


class SectionedForm:
    """A long form laid out in titled sections (``SECTIONS``), required fields marked for assistive tech.

    ``SECTIONS`` lists (heading, field names); a visible field that no section
    names is shown in the last one, so a field added later is never lost.
    """

    SECTIONS = ()

    def mark_required(self):
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"

    def sections(self):
        placed = {name for _, names in self.SECTIONS for name in names}
        sections = [
            (heading, [self[name] for name in names if name in self.fields])
            for heading, names in self.SECTIONS
        ]
        unplaced = [field for field in self.visible_fields() if field.name not in placed]
        if sections:
            sections[-1][1].extend(unplaced)
        else:
            sections = [("", unplaced)]
        return [(heading, fields) for heading, fields in sections if fields]


class ListingForm(SectionedForm, forms.ModelForm):
    """Fields and checks shared by the three kinds of listing."""

    fields = TechnologyFieldsField(
        queryset=TechnologyField.objects.all(), required=False, widget=SearchableSelectMultiple,
        label="Technology fields",
        help_text="Choose a whole area or the specific sub-fields that apply.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = Organisation.objects.filter(memberships__user=user).distinct()
        organisation.empty_label = "None: I am listing this myself"
        organisation.label = "On behalf of"
        organisation.help_text = "Only organisations you belong to can be chosen."
        self.fields["description"].help_text = DESCRIPTION_HELP
        for field in self.fields.values():
            if isinstance(field.widget, forms.SelectMultiple) and not isinstance(field.widget, CheckboxList):
                field.help_text = " ".join(filter(None, [str(field.help_text), MULTI_SELECT_HELP]))
        self.mark_required()

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if len(title) < MIN_TITLE_LENGTH:
            raise forms.ValidationError(
                f"Write a title of at least {MIN_TITLE_LENGTH} characters.", code="too_short"
            )
        return title

    def clean_description(self):
        description = sanitize_html(self.cleaned_data["description"])
        if not strip_tags(description).strip():
            raise forms.ValidationError("Write a description in words; it cannot be empty.", code="empty")
        return description

    def m2m_data(self):
        """The many-to-many values to hand to services.save_listing."""
        names = {field.name for field in self._meta.model._meta.many_to_many}
        return {name: self.cleaned_data[name] for name in self.fields if name in names}


class TechnologyForm(ListingForm):
    trl = forms.TypedChoiceField(
        label="Technology readiness level (TRL)",
        coerce=int,
        choices=[("", "Choose a level")] + [(level, f"TRL {level}: {text}") for level, text in TRL_LEVELS],
        help_text=TRL_HELP,
    )
    website = forms.URLField(
        required=False, max_length=200, assume_scheme="https",
        help_text="Optional: a page with more about the technology.",
    )

    class Meta:
        model = Technology
        fields = [
            "title", "organisation", "summary", "description", "record_type", "fields", "sdgs",
            "benefits", "benefits_other", "trl", "developed_in", "available_in",
            "available_regions", "ip_status", "patent_numbers", "availability", "website",
        ]
        labels = {
            "summary": "Short summary",
            "developed_in": "Country where it was developed",
            "available_in": "Available in countries",
            "available_regions": "Available in regions",
            "availability": "Available for",
            "benefits_other": "Other benefits",
            "record_type": "Type of technology",
        }
        help_texts = {
            "summary": "One or two sentences that everyone, including visitors, can read (at most 1,000 characters).",
            "sdgs": "The UN Sustainable Development Goals the technology contributes to.",
            "availability": "How you are willing to share the technology.",
            "patent_numbers": "Publication or application numbers, separated by commas. "
                              "Required when the technology is patented or a patent is pending.",
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "sdgs": CheckboxList,
            "benefits": CheckboxList,
            "availability": CheckboxList,
            "developed_in": SearchableSelect,
            "available_in": SearchableSelectMultiple,
            "available_regions": SearchableSelectMultiple,
        }

    SECTIONS = (
        ("About the technology", ["title", "organisation", "record_type", "summary", "description"]),
        ("Fields, goals and benefits", ["fields", "sdgs", "benefits", "benefits_other"]),
        ("Maturity and intellectual property", ["trl", "ip_status", "patent_numbers"]),
        ("Where and how it is offered", [
            "developed_in", "available_in", "available_regions", "availability", "website",
        ]),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _group_regions(self.fields["available_regions"])

    def clean(self):
        cleaned = super().clean()
        patented = cleaned.get("ip_status") in (Technology.IPStatus.PATENTED, Technology.IPStatus.PENDING)
        if patented and not cleaned.get("patent_numbers", "").strip():
            self.add_error(
                "patent_numbers",
                "Give the patent or application numbers of a patented or patent-pending technology.",
            )
        return cleaned


class NeedForm(ListingForm):
    class Meta:
        model = Need
        fields = [
            "title", "organisation", "description", "fields", "sdgs", "country", "region",
            "location", "desired_trl_group", "desired_arrangements", "budget", "timeline",
        ]
        labels = {
            "country": "Country where the need is",
            "desired_trl_group": "Desired maturity",
            "desired_arrangements": "Arrangements you are open to",
        }
        help_texts = {
            "desired_trl_group": "How mature a solution must be to help you.",
            "budget": "Optional, for example “up to USD 50,000” or “seeking funding”.",
            "timeline": "Optional, for example “pilot in 2026”.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 12}),
            "sdgs": CheckboxList,
            "desired_arrangements": CheckboxList,
            "country": SearchableSelect,
            "region": SearchableSelect,
        }

    SECTIONS = (
        ("About the need", ["title", "organisation", "description"]),
        ("Fields and goals", ["fields", "sdgs"]),
        ("Where", ["country", "region", "location"]),
        ("What would help", ["desired_trl_group", "desired_arrangements", "budget", "timeline"]),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].help_text = "Optional: a wider region the need also applies to."
        self.fields["region"].empty_label = "No particular region"
        _group_regions(self.fields["region"])
        self.fields["desired_trl_group"].choices = [("", "Any maturity")] + list(TRLGroup.choices)


class ExpertForm(ListingForm):
    class Meta:
        model = Expert
        fields = [
            "full_name", "title", "organisation", "description", "fields", "sdgs", "country",
            "countries_served", "languages", "availability",
        ]
        labels = {
            "title": "Headline",
            "country": "Country where you are based",
            "countries_served": "Countries you can work in",
            "languages": "Languages you work in",
        }
        help_texts = {
            "title": "Your expertise in a few words, for example “Off-grid solar systems engineer”.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 12}),
            "sdgs": CheckboxList,
            "country": SearchableSelect,
            "countries_served": SearchableSelectMultiple,
            "languages": SearchableSelectMultiple,
        }

    SECTIONS = (
        ("About you", ["full_name", "title", "organisation", "description"]),
        ("Fields and goals", ["fields", "sdgs"]),
        ("Where and how you work", ["country", "countries_served", "languages", "availability"]),
    )


LISTING_FORMS = {"technology": TechnologyForm, "need": NeedForm, "expert": ExpertForm}


class ImageUploadForm(forms.Form):
    image = forms.FileField(
        label="Image",
        validators=[uploads.validate_image],
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text="A JPEG, PNG or WebP picture.",
    )
    caption = forms.CharField(max_length=200, required=False, help_text="Optional: what the picture shows.")


class FirstImageForm(ImageUploadForm):
    """The optional picture offered by the form that creates a technology, checked like any later one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        image = self.fields["image"]
        image.required = False
        image.label = "Picture"
        image.help_text = (
            "Optional: a JPEG, PNG or WebP picture of the technology. "
            "You can add more pictures and PDF documents after saving."
        )


class AttachmentUploadForm(forms.Form):
    file = forms.FileField(
        label="PDF document",
        validators=[uploads.validate_attachment],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text="A brochure, data sheet or report. Only logged-in members can download it.",
    )
    title = forms.CharField(max_length=200, help_text="For example “Technical data sheet”.")

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Give the document a title.")
        return title
