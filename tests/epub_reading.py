"""Reading an EPUB back as a reading system does: container, package document, spine, documents."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass
from pathlib import Path

NS = {
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "html": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@dataclass
class Book:
    path: Path
    files: dict[str, bytes]
    package: ElementTree.Element
    folder: str

    @classmethod
    def open(cls, path: Path) -> Book:
        with zipfile.ZipFile(path) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        container = ElementTree.fromstring(files["META-INF/container.xml"])
        package_path = container.find(".//container:rootfile", NS).get("full-path")
        return cls(path, files, ElementTree.fromstring(files[package_path]), posixpath.dirname(package_path))

    def meta(self, property_name: str) -> list[str]:
        found = self.package.findall(f"opf:metadata/opf:meta[@property='{property_name}']", NS)
        return [element.text for element in found]

    def dc(self, name: str) -> list[str]:
        return [element.text for element in self.package.findall(f"opf:metadata/dc:{name}", NS)]

    def manifest(self) -> dict[str, ElementTree.Element]:
        return {item.get("id"): item for item in self.package.findall("opf:manifest/opf:item", NS)}

    def hrefs(self) -> set[str]:
        """Every file the package lists."""
        return {item.get("href") for item in self.manifest().values()}

    def spine(self) -> list[str]:
        """The href of each document in reading order."""
        items = self.manifest()
        references = self.package.findall("opf:spine/opf:itemref", NS)
        return [items[reference.get("idref")].get("href") for reference in references]

    def read(self, href: str) -> bytes:
        return self.files[posixpath.join(self.folder, href)]

    def document(self, href: str) -> ElementTree.Element:
        return ElementTree.fromstring(self.read(href))

    def nav(self) -> tuple[str, ElementTree.Element]:
        item = next(i for i in self.manifest().values() if "nav" in (i.get("properties") or "").split())
        return item.get("href"), self.document(item.get("href"))


def words(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def tag(name: str) -> str:
    return f"{{{NS['html']}}}{name}"
