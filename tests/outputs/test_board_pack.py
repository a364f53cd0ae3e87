"""The board pack's files read back: the PDF is tagged PDF/UA in Swedish with its figures as text and alt
text on every picture; the deck has its texts in text boxes and a description on every picture; a long
table continues on further pages and slides; outside text stays text."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from outputs.board_pack import TABLE_ROWS_PER_SLIDE, TABLE_SLIDES, pdf_bytes, pptx_bytes
from view_models.board_pack import PackChart, PackDocument, PackPage, PackPart, PackTable
from view_models.sections import Figure

# A small picture: the pictures' content does not matter here, their alt text does.
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="white"/></svg>'
HOSTILE = '#let x = 1 *fet* ](javascript:alert(1)) <script>alert(1)</script> $x$ "citat"'


def _document(rows: int = 3) -> PackDocument:
    long = PackTable(
        "Tabell: Incidenter per år", ["År", "Antal"], [[str(2000 + n), f"{n}\u00a0000"] for n in range(rows)]
    )
    return PackDocument(
        title="Servicenämnden 2026-02-17, § 30: IT-säkerhet",
        banner="Som presenterat för Servicenämnden 2026-02-17, § 30 (data per import nr 7)",
        marking="Intern",
        made="Styrelsepaket gjort 2026-02-18 av anna ur mötesprotokoll nr 2.",
        footer="Siffrorna kommer från import nr 1–7",
        author="Servicenämnden",
        example="",
        cover=["Malmö stad · Servicenämnden", "Möte 2026-02-17, § 30 · kvartal 4 2025", "Förberett av Anna Andersson"],
        main=[
            PackPage(
                heading="Sammanfattning",
                scope="Servicenämnden · 2025Q4",
                lines=["1 av 2 nyckeltal når inte målet: Andel som klickade 32 % (mål 5 %)."],
            ),
            PackPage(
                heading="Nyckeltal mot mål",
                scope="Servicenämnden · 2025Q4",
                columns=1,
                figures=[
                    Figure("Andel som klickade", "32 %", ("Mål 5 % · ■ Långt från målet",), "red"),
                    Figure("Konton med MFA", "96 %", ("Mål 100 % · ▲ Nära målet",), "amber"),
                ],
            ),
        ],
        parts=[
            PackPart(
                "Lägesbild",
                [
                    PackPage(
                        heading="Nyckeltal mot mål",
                        scope="Servicenämnden · 2025Q4",
                        figures=[
                            Figure("Andel som klickade", "32\u00a0%", ("Mål 5\u00a0% · ■ Långt från målet",), "red")
                        ],
                    ),
                    PackPage(heading="Sedan förra mötet", scope="Servicenämnden · 2025Q4", lines=[HOSTILE]),
                ],
            ),
            PackPart(
                "Incidenter",
                [
                    PackPage(
                        heading="År mot år",
                        scope="Servicenämnden · 2025Q4 · hela kommunen",
                        charts=[PackChart("Antal incidenter per år", "Incidenter per år – 2025: 18\u00a0040.", SVG)],
                        tables=[long],
                    )
                ],
            ),
        ],
        imports=[["nr 7", "Kvartalsstatus", "status.csv", "anna", "2026-02-16 09:00"]],
    )


def _structure(node, found: list[tuple[str, str | None]]) -> None:
    """Every structure element's type and alt text, depth first."""
    node = node.get_object()
    if isinstance(node, list) or (hasattr(node, "__iter__") and not hasattr(node, "get")):
        for child in node:
            _structure(child, found)
        return
    if not hasattr(node, "get"):
        return
    if "/S" in node:
        found.append((str(node["/S"]), str(node["/Alt"]) if "/Alt" in node else None))
    if "/K" in node:
        kids = node["/K"]
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object"):
                _structure(kid, found)


def test_the_pdf_is_tagged_swedish_pdf_ua_and_pdf_a_with_figures_as_text_and_alt_text_on_pictures():
    reader = PdfReader(io.BytesIO(pdf_bytes(_document())))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title == "Servicenämnden 2026-02-17, § 30: IT-säkerhet"
    xmp = root["/Metadata"].get_object().get_data().replace(b" ", b"")
    assert b"pdfuaid:part>1<" in xmp  # PDF/UA-1, read aloud
    assert b"pdfaid:part>2<" in xmp and b"pdfaid:conformance>A<" in xmp  # PDF/A-2a, kept by the diarium
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in ("32", "Långt från målet", "Som presenterat för Servicenämnden 2026-02-17, § 30", "Intern"):
        assert expected in text
    assert HOSTILE in text.replace("\n", " ")  # set as text: no markup, no code
    assert "Sida 1 av" in text and "Siffrorna kommer från import nr 1–7" in text
    found: list[tuple[str, str | None]] = []
    _structure(root["/StructTreeRoot"], found)
    figures = [alt for kind, alt in found if kind == "/Figure"]
    assert figures == ["Incidenter per år – 2025: 18\u00a0040."]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == ["Sammanfattning", "Nyckeltal mot mål", "Bilagor"]  # the main part, then the appendix
    appendix = reader.outline[-1]
    assert [item.title for item in appendix if not isinstance(item, list)] == [
        "Lägesbild",
        "Incidenter",
        "Importerna bakom siffrorna",
    ]  # a bookmark per view under "Bilagor"
    assert "Förberett av Anna Andersson" in reader.pages[0].extract_text()  # the cover names who prepared it


def test_a_long_table_continues_on_further_pages_and_slides():
    short = PdfReader(io.BytesIO(pdf_bytes(_document(rows=3))))
    long = PdfReader(io.BytesIO(pdf_bytes(_document(rows=120))))
    assert len(long.pages) > len(short.pages)
    last = next(page.extract_text() for page in long.pages if "2119" in page.extract_text())  # the last rows
    assert "2001" not in last and "År Antal" in last  # the header repeats where the table continues
    deck = Presentation(io.BytesIO(pptx_bytes(_document(rows=120))))
    continued = [
        s for s in deck.slides if any("(forts.)" in sh.text_frame.text for sh in s.shapes if sh.has_text_frame)
    ]
    assert len(continued) == TABLE_SLIDES - 1  # a slide is read, not a register: the first rows, then the PDF
    last = "\n".join(sh.text_frame.text for sh in continued[-1].shapes if sh.has_text_frame)
    assert f"De första {TABLE_SLIDES * TABLE_ROWS_PER_SLIDE} av 120 raderna; hela tabellen finns i PDF:en." in last


def test_the_deck_is_16_9_with_its_texts_in_text_boxes_and_a_description_on_every_picture():
    deck = Presentation(io.BytesIO(pptx_bytes(_document())))
    assert round(deck.slide_width / deck.slide_height, 2) == round(16 / 9, 2)
    texts = "\n".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    for expected in (
        "32\u00a0%",
        "Mål 5\u00a0% · ■ Långt från målet",
        "Incidenter per år – 2025: 18\u00a0040.",
        HOSTILE,
    ):
        assert expected in texts
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    assert pictures and all(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == ["Incidenter per år – 2025: 18\u00a0040."]
    # title, the main part's two, "Bilagor", two Lägesbild pages, the incidents page and its table, the imports
    assert len(deck.slides) == 9
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert titles[1:4] == ["Sammanfattning", "Nyckeltal mot mål", "Bilagor"]
    kpis = next(sh.table for sh in deck.slides[2].shapes if sh.has_table)
    assert [kpis.cell(r, 1).text for r in range(3)] == ["Värde", "32 %", "96 %"]  # every KPI on one slide


def test_every_slide_has_its_title_in_the_title_placeholder_read_first_and_body_text_of_18_pt():
    from pptx.util import Pt

    from outputs.board_pack import FRAME

    deck = Presentation(io.BytesIO(pptx_bytes(_document(rows=30))))
    titles = [s.shapes.title.text_frame.text if s.shapes.title is not None else None for s in deck.slides]
    assert all(titles) and titles[0] == "Servicenämnden 2026-02-17, § 30: IT-säkerhet"
    assert "Importerna bakom siffrorna" in titles and "Tabell: Incidenter per år (forts.)" in titles
    for slide in deck.slides:
        shapes = list(slide.shapes)
        assert shapes[0].is_placeholder and shapes[0] == slide.shapes.title  # the outline: title first
        kinds = [sh.shape_type for sh in shapes[1:] if sh.shape_type in (13, 17) and sh.name not in FRAME]
        assert kinds == sorted(kinds, reverse=True)  # text (17) before pictures (13), the frame last
        sizes = [
            run.font.size
            for sh in shapes[1:]
            if sh.has_text_frame and sh.name not in FRAME
            for paragraph in sh.text_frame.paragraphs
            for run in paragraph.runs
        ]
        assert all(size is not None and size >= Pt(18) for size in sizes), slide.shapes.title.text_frame.text


@pytest.mark.parametrize("marking", ["Öppen", "Intern"])
def test_every_page_and_slide_carries_the_classification(marking):
    document = _document()
    document = PackDocument(**{**document.__dict__, "marking": marking})
    reader = PdfReader(io.BytesIO(pdf_bytes(document)))
    assert all(marking in page.extract_text() for page in reader.pages)
    deck = Presentation(io.BytesIO(pptx_bytes(document)))
    assert all(any(marking in sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in deck.slides)
