"""What a browser posts back from a page of Django forms, left as they were shown."""


def posted_back(forms, formsets=(), data: dict | None = None) -> dict:
    """The fields of `forms` and of `formsets` (with their management forms) as a browser
    would send them: unticked boxes left out, ticked ones "on", lists of strings. Values
    already in `data` are kept."""
    data = dict(data or {})
    forms = list(forms)
    for formset in formsets:
        management = formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        data.update({management.add_prefix(k): management[k].value() for k in management.fields})
        forms.extend(formset.forms)
    for form in forms:
        for field in form:
            value = field.value()
            if value in (None, False) or field.html_name in data:
                continue
            if value is True:
                value = "on"
            if isinstance(value, list | tuple):
                value = [str(v) for v in value]
            data[field.html_name] = value
    return data
