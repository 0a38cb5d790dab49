"""Closing the gaps WeasyPrint 70 leaves in PDF/UA-1, with pikepdf, after printing.

WeasyPrint tags the page well, but (as its tracker also lists):
- the text of page margins ("Page 3 of 8") is marked content that no structure element
  holds, so it is neither tagged nor an artifact; here it becomes a pagination artifact;
- a decorative picture (alt="") still becomes a Figure with no /Alt, which PDF/UA forbids;
  here it leaves the structure tree and becomes an artifact, as on the web page;
- header cells (TH) carry no /Scope; here column headers get /Column, others /Row;
- a link's description (/Contents) is its bare address, such as "term-anaemia"; here it
  becomes words a screen reader can say, given by the exporter;
- in scripts whose letters are drawn from several glyphs (Bengali "থে": a vowel sign in two
  parts round its consonant), the glyphs after the first of a cluster map to no text at all
  ("<>"), which PDF/UA forbids; here they map to U+2060 WORD JOINER, which a reader neither
  sees nor hears and which keeps the word whole when its text is copied.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from io import BytesIO
from pathlib import Path

import pikepdf
from pikepdf import Array, ContentStreamInstruction, Dictionary, Name, Operator

MarkedContent = tuple[tuple[int, int], int]  # (page object id, MCID)
PAGINATION = Dictionary(Type=Name.Pagination)
WORD_JOINER = b"> <2060>"


def finish(data: bytes, target: Path, link_descriptions: Mapping[str, str]) -> None:
    """Repair the tagging of WeasyPrint's PDF `data` and write it to `target`, reproducibly."""
    with pikepdf.open(BytesIO(data)) as pdf:
        tree = pdf.Root.StructTreeRoot
        decorative = set(_remove_figures_without_alt(tree))
        _give_header_cells_a_scope(tree)
        tagged = set(_tagged_content(tree))
        for page in pdf.pages:
            untagged = _mark_untagged_as_artifacts(pdf, page, tagged, decorative)
            _forget_in_parent_tree(tree, page, untagged)
        _describe_links(pdf, link_descriptions)
        _map_every_glyph(pdf)
        pdf.save(target, deterministic_id=True)


def _map_every_glyph(pdf: pikepdf.Pdf) -> None:
    """Give the glyphs that WeasyPrint maps to no text a text of their own (see above)."""
    for font in pdf.objects:
        if not isinstance(font, Dictionary) or "/ToUnicode" not in font:
            continue
        cmap = font.ToUnicode.read_bytes()
        if b"> <>" in cmap:
            font.ToUnicode.write(cmap.replace(b"> <>", WORD_JOINER))


def _children(element: Dictionary) -> Array:
    kids = element.get("/K")
    return kids if isinstance(kids, Array) else Array([kids] if kids is not None else [])


def _structure_elements(tree: Dictionary) -> Iterator[Dictionary]:
    """Every structure element, depth first, in reading order."""
    stack = list(reversed(_children(tree)))
    while stack:
        element = stack.pop()
        if isinstance(element, Dictionary) and "/S" in element:
            yield element
            stack.extend(reversed(_children(element)))


def _remove_figures_without_alt(tree: Dictionary) -> Iterator[MarkedContent]:
    """Decorative pictures leave the tree; yield their marked content, which becomes an artifact."""
    for figure in [e for e in _structure_elements(tree) if e.S == Name.Figure and "/Alt" not in e]:
        yield from _marked_content_of(figure)
        element = figure
        while "/P" in element and "/S" in element.P:
            parent = element.P
            parent.K = Array([kid for kid in _children(parent) if not _same(kid, element)])
            if len(parent.K) or parent.S == Name.Document:
                break
            element = parent  # a wrapper holding nothing else goes too


def _same(kid: object, element: Dictionary) -> bool:
    return isinstance(kid, Dictionary) and kid.is_indirect and kid.objgen == element.objgen


def _give_header_cells_a_scope(tree: Dictionary) -> None:
    for cell in [e for e in _structure_elements(tree) if e.S == Name.TH]:
        row_group = cell.P.get("/P", Dictionary()).get("/S")
        attributes = cell.get("/A", Dictionary(O=Name.Table))
        attributes.Scope = Name.Column if row_group == Name.THead else Name.Row
        cell.A = attributes


def _tagged_content(tree: Dictionary) -> Iterator[MarkedContent]:
    """The marked content that the structure tree holds."""
    for element in _structure_elements(tree):
        yield from _marked_content_of(element)


def _marked_content_of(element: Dictionary) -> Iterator[MarkedContent]:
    """The marked content an element holds itself: (page, MCID) pairs."""
    for kid in _children(element):
        if isinstance(kid, int) and "/Pg" in element:
            yield element.Pg.objgen, int(kid)
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            yield kid.get("/Pg", element.get("/Pg")).objgen, int(kid.MCID)


def _mark_untagged_as_artifacts(
    pdf: pikepdf.Pdf, page: pikepdf.Page, tagged: set[MarkedContent], decorative: set[MarkedContent]
) -> list[int]:
    """Turn marked content that no structure element holds into artifacts; return their MCIDs.

    Decorative pictures become plain artifacts, anything else (the page margins) pagination.
    """
    instructions = pikepdf.parse_content_stream(page)
    untagged: list[int] = []
    for index, instruction in enumerate(instructions):
        if not isinstance(instruction, ContentStreamInstruction) or str(instruction.operator) != "BDC":
            continue
        properties = instruction.operands[1]
        if not isinstance(properties, Dictionary) or "/MCID" not in properties:
            continue
        mcid = int(properties.MCID)
        if (page.obj.objgen, mcid) not in tagged:
            untagged.append(mcid)
            kind = Dictionary() if (page.obj.objgen, mcid) in decorative else PAGINATION
            instructions[index] = ContentStreamInstruction([Name.Artifact, kind], Operator("BDC"))
    if untagged:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
    return untagged


def _forget_in_parent_tree(tree: Dictionary, page: pikepdf.Page, mcids: list[int]) -> None:
    """Artifacts have no parent: clear their entries in the page's list of the parent tree."""
    if not mcids or "/StructParents" not in page.obj:
        return
    numbers = tree.ParentTree.Nums
    key = int(page.obj.StructParents)
    for position in range(0, len(numbers), 2):
        if int(numbers[position]) == key:
            parents = numbers[position + 1]
            for mcid in mcids:
                if mcid < len(parents):
                    parents[mcid] = None
            return


def _describe_links(pdf: pikepdf.Pdf, descriptions: Mapping[str, str]) -> None:
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if annotation.get("/Subtype") != Name.Link:
                continue
            action = annotation.get("/A", Dictionary())
            target = str(action.get("/URI", annotation.get("/Dest", "")))
            if target in descriptions:
                annotation.Contents = pikepdf.String(descriptions[target])
