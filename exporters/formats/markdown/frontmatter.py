"""The front matter as YAML, written by PyYAML's safe dumper so that every value is quoted as it must be."""

from __future__ import annotations

import yaml

from ...model import Document, Meta, Reference

WIDTH = 100  # longer text is folded onto the next lines, indented, as YAML allows


def front_matter(document: Document) -> str:
    values = {key: value for key, value in _values(document).items() if value not in (None, "", [], {})}
    # Dates come out as year-month-day without quotes, the way source/README.md shows them.
    return yaml.dump(
        values, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=WIDTH
    )


def _values(document: Document) -> dict[str, object]:
    meta: Meta = document.meta
    return {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "summary": meta.summary,
        "language": meta.language,
        "slug": meta.slug,
        "organisation": _organisation(meta),
        "published": meta.published,
        "reviewed": meta.reviewed,
        "next_review": meta.next_review,
        "version": meta.version,
        "audience": meta.audience,
        "licence": meta.licence,
        "reviewers": list(meta.reviewers),
        "references": [_reference(reference) for reference in meta.references],
        "glossary": {entry.term: entry.explanation for entry in document.glossary if not entry.shared},
        "abbreviations": {entry.abbreviation: entry.expansion for entry in document.abbreviations},
        "checks": dict(meta.checks),
    }


def _organisation(meta: Meta) -> dict[str, str] | str | None:
    organisation = meta.organisation
    if organisation is None:
        return None
    details = {key: getattr(organisation, key) for key in ("name", "phone", "email", "website", "address")}
    details = {key: value for key, value in details.items() if value}
    return details if len(details) > 1 else organisation.name


def _reference(reference: Reference) -> dict[str, str] | str:
    return {"title": reference.text, "url": reference.url} if reference.url else reference.text


class _Dumper(yaml.SafeDumper):
    """The safe dumper, with list entries indented under their key as source/README.md shows them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)
