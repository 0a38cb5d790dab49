"""Word files built here with python-docx, each carrying the weak points of converters.

Nothing here is copied from another program's files: every document is made from python-docx's
own template, and what python-docx has no API for (text boxes, footnotes, merged cells, field
codes, the decorative mark) is written as WordprocessingML by hand.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt
from msoffcrypto.format.ooxml import OOXMLFile
from PIL import Image

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
DECORATIVE = (
    '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst>"
)


def png_bytes(colour: tuple[int, int, int] = (30, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def add_picture(paragraph, description: str | None, decorative: bool = False, colour=(30, 90, 160)) -> None:
    """An inline picture whose alt text is `description` (None: no alt text at all)."""
    shape = paragraph.add_run().add_picture(io.BytesIO(png_bytes(colour)), width=Cm(3))
    properties = shape._inline.docPr
    properties.attrib.pop("descr", None)
    properties.attrib.pop("title", None)
    if description is not None:
        properties.set("descr", description)
    if decorative:
        properties.append(parse_xml(DECORATIVE))


def add_field_link(paragraph, address: str, words: str) -> None:
    """A hyperlink written as a HYPERLINK field code, as older Word and mail merges leave them."""
    runs = [
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> HYPERLINK "{address}" </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>{words}</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ]
    for run in runs:
        paragraph._p.append(parse_xml(run))


def add_text_box(paragraph, lines: list[str]) -> None:
    """A floating text box (a Word 2010 shape with a VML copy for older readers), anchored here."""
    inner = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    paragraph._p.append(
        parse_xml(
            f'<w:r {namespaces}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
            'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2000000" cy="800000"/><wp:wrapSquare wrapText="bothSides"/>'
            '<wp:docPr id="900" name="Text Box 1"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            f'<v:shape style="width:160pt;height:60pt"><v:textbox><w:txbxContent>{inner}</w:txbxContent>'
            "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )


def add_footnotes(document, notes: list[str]) -> None:
    """A footnotes part (python-docx has none) holding `notes`, numbered from 1."""
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for number, text in enumerate(notes, start=1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{body}</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def add_footnote_reference(paragraph, number: int) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
    )


def merged_table(document):
    """A table with a header row merged across both columns and a cell merged down two rows."""
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Wards for adults"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Adults"
    table.cell(1, 1).text, table.cell(2, 1).text = "Ward 2", "Ward 3"
    mark_header_row(table)
    return table


def mark_header_row(table) -> None:
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def add_shape(paragraph) -> None:
    """A drawn shape (an arrow) with no text in it."""
    paragraph._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>'
            '<wp:inline><wp:extent cx="900000" cy="300000"/><wp:docPr id="950" name="Arrow 1"/><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:spPr><a:prstGeom prst="rightArrow"/></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData>'
            "</a:graphic></wp:inline></w:drawing></w:r>"
        )
    )


def box(paragraph) -> None:
    """A border on all four sides of a paragraph, as Word's "Borders and Shading" draws a box."""
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="12" w:space="4" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right")
    )
    paragraph._p.get_or_add_pPr().append(parse_xml(f"<w:pBdr {nsdecls('w')}>{sides}</w:pBdr>"))


def bold_paragraph(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def weak_points_document() -> docx.Document:
    """One leaflet that carries every weak point the importer must handle."""
    document = docx.Document()
    document.core_properties.title = "Coming in for a heart scan"
    document.core_properties.language = "en-GB"
    document.core_properties.author = "Riverside Cardiology Service"
    document.sections[0].header.paragraphs[0].text = "Riverside Cardiology Service - patient information"
    document.sections[0].footer.paragraphs[0].text = "Leaflet number RC-042"
    add_footnotes(document, ["British Heart Foundation, heart scans explained"])

    document.add_paragraph("Coming in for a heart scan", style="Title")
    intro = document.add_paragraph("An echocardiogram (echo) uses sound waves to look at your heart.")
    add_footnote_reference(intro, 1)
    document.add_paragraph("Reviewed: 01 March 2026")
    document.add_paragraph("Next review: March 2029")

    document.add_heading("Before your scan", level=1)
    document.add_paragraph("Bring a list of your medicines.", style="List Number")
    document.add_paragraph("Tell us if you have:", style="List Number")
    document.add_paragraph("a pacemaker", style="List Number 2")
    document.add_paragraph("an allergy to plasters", style="List Number 2")
    document.add_paragraph("Wear a loose top.", style="List Number")
    document.add_paragraph("\u2022\tYou can eat and drink as normal.")
    document.add_paragraph("\u2022\tYou can take your usual tablets.")
    document.add_paragraph("- Leave jewellery at home.")

    bold_paragraph(document, "What happens during the scan")
    during = document.add_paragraph("A physiologist puts gel on your chest.")
    add_text_box(during, ["Tell us if the gel feels too cold."])
    pictures = document.add_paragraph()
    add_picture(pictures, "A person lying on their side while a probe is held to their chest")
    document.add_paragraph("The scan takes about 30 minutes.")
    add_picture(document.add_paragraph(), None, colour=(200, 40, 40))
    add_picture(document.add_paragraph(), "", decorative=True, colour=(10, 160, 40))

    document.add_heading("How long each part takes", level=1)
    table = document.add_table(rows=4, cols=2)
    for row, (step, time) in enumerate(
        [
            ("Part", "Time"),
            ("Getting ready", "5 minutes"),
            ("The scan", "30 minutes"),
            ("Results", "Same day"),
        ]
    ):
        table.cell(row, 0).text, table.cell(row, 1).text = step, time
    document.add_paragraph("Where you go depends on your age.")
    merged_table(document)

    document.add_heading("Contact us", level=1)
    contact = document.add_paragraph("Read more on the ")
    add_field_link(contact, "https://www.nhs.uk/conditions/echocardiogram/", "NHS page about echo scans")
    contact.add_run(".")
    document.add_paragraph("Phone: 01632 960 555")
    document.add_paragraph("Email: echo@example.org")

    document.add_heading("References", level=1)
    document.add_paragraph("British Society of Echocardiography guidance (2025)", style="List Bullet")
    return document


def save(document, path: Path) -> Path:
    document.save(path)
    return path


def own_heading_style(document, name: str = "Trust Heading", outline_level: int = 0):
    """A paragraph style a trust made for its headings, with Word's outline level (not a Heading style)."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.font.size = Pt(16)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline_level}"/>')
    )
    return style

OLE_SIGNATURE_FOR_TESTS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the first bytes of an OLE compound file


def word_file(folder: Path, title: str, name: str | None = None) -> Path:
    """A short Word leaflet: its title, a review date, one section and one described picture."""
    word = docx.Document()
    word.add_paragraph(title, style="Title")
    word.add_paragraph("Reviewed: 1 March 2026")
    word.add_heading("What happens", level=1)
    word.add_paragraph("A nurse takes a small sample of blood from your arm.")
    add_picture(word.add_paragraph(), "A nurse holding a small tube of blood")
    path = folder / (name or f"{title}.docx")
    folder.mkdir(parents=True, exist_ok=True)
    word.save(path)
    return path


def not_word(folder: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of file that is not a Word document, with what the message must say."""
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "notes.docx"
    text.write_text("Just some notes, saved with the wrong name.", encoding="utf-8")
    sheet = folder / "clinic-times.docx"
    with zipfile.ZipFile(sheet, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    old = folder / "old-leaflet.doc"
    old.write_bytes(OLE_SIGNATURE_FOR_TESTS + b"\0" * 504 + "WordDocument".encode("utf-16-le"))
    locked = folder / "locked.docx"
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(word_file(folder / "plain", "A locked leaflet").read_bytes())).encrypt("secret", encrypted)
    locked.write_bytes(encrypted.getvalue())
    empty = folder / "empty.docx"
    docx.Document().save(empty)
    return {
        "empty": (empty, "The Word file has no text in it."),
        "text": (text, "This is not a Word document (.docx)."),
        "spreadsheet": (sheet, "This is an Excel spreadsheet, not a Word document (.docx)."),
        "old word": (old, "This is an old Word file (.doc), not a .docx file."),
        "password": (locked, "The Word file is protected with a password, so it cannot be read."),
    }
