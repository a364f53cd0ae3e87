"""The board pack written out: an accessible PDF (typst, PDF/UA-1, tagged, Swedish, bookmarks per view)
and a PowerPoint deck (16:9, figures and sentences in text boxes, every picture with alt text). What goes
in is made by view_models/board_pack.py from the meeting's slides; here it only becomes files, above the
view models, as the screen is drawn in ui/."""

from __future__ import annotations

import io
import json
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from charts.fonts import FAMILY, font_dir
from charts.render import png_of
from domain.formatting import swedish_int
from view_models.board_pack import PackDocument, PackPage

TEMPLATE = Path(__file__).with_name("board_pack.typ")
TABLE_ROWS_PER_SLIDE = 12  # rows of a table on one PowerPoint slide; the rest continue on the next
TABLE_SLIDES = 2  # slides a table continues over in the PowerPoint; the PDF holds every row


def pdf_bytes(document: PackDocument) -> bytes:
    """The PDF, made by typst from the template and the document as JSON, with the project's font only."""
    import typst

    with tempfile.TemporaryDirectory(prefix="styrelsepaket-") as folder:
        root = Path(folder)

        def page_data(page: PackPage, name: str) -> dict[str, object]:
            charts = []
            for c, chart in enumerate(page.charts):
                (root / f"{name}-{c}.svg").write_text(chart.svg, encoding="utf-8")
                charts.append({"title": chart.title, "summary": chart.summary, "file": f"{name}-{c}.svg"})
            return {**asdict(page), "charts": charts}

        main = [page_data(page, f"huvuddel-{q}") for q, page in enumerate(document.main)]
        parts = [
            {"title": part.title, "pages": [page_data(page, f"bilaga-{p}-{q}") for q, page in enumerate(part.pages)]}
            for p, part in enumerate(document.parts)
        ]
        data = {**asdict(document), "main": main, "parts": parts}
        (root / "pack.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (root / "pack.typ").write_text(TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
        return typst.compile(
            str(root / "pack.typ"),
            root=str(root),
            font_paths=[font_dir()],
            ignore_system_fonts=True,
            pdf_standards=["a-2a", "ua-1"],  # archived by the diarium (PDF/A-2a) and read aloud (PDF/UA-1)
        )


def both(document: PackDocument) -> tuple[bytes, bytes]:
    """The PDF and the PowerPoint at once: typst writes the PDF in a thread of its own (it lets go of the
    interpreter) while the PowerPoint's pictures are rasterised and its slides built."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pdf = pool.submit(pdf_bytes, document)
        pptx = pptx_bytes(document)
        return pdf.result(), pptx


def pptx_bytes(document: PackDocument) -> bytes:
    """The deck: a title slide, then per view its slides (figures and sentences as text, charts as
    pictures with their sentence as alt text, tables continued over slides), then the imports. Every slide
    is built on a layout whose title placeholder holds its title (the outline a screen reader navigates
    by); then its text, then its pictures, then the marking and the imports at the edges. Body text is at
    least BODY_PT."""
    from pptx import Presentation
    from pptx.util import Cm

    deck = Presentation()
    deck.slide_width, deck.slide_height = Cm(33.867), Cm(19.05)  # 16:9
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    _title(slide, document.title, Cm(3.5), Cm(4.5), size=36)
    subtitle = slide.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = Cm(2), Cm(8.5), Cm(29.8), Cm(6)
    lines = [line for line in (*document.cover, document.banner, document.made, document.marking) if line]
    if document.example:
        lines.append(f"Exempeldata: {document.example}")
    _fill(subtitle.text_frame, lines, size=20)
    for page in document.main:
        _page_slides(deck, document, page.heading, page)
    slide = _titled(deck, "Bilagor", size=28)
    titles = [part.title for part in document.parts] + ["Importerna bakom siffrorna"]
    _text(slide, "\n".join(f"• {title}" for title in titles), Cm(1.5), Cm(3.6), Cm(30.8), Cm(13), size=BODY_PT)
    _frame(slide, document, "Bilagor")
    for part in document.parts:
        for page in part.pages:
            _page_slides(deck, document, f"Bilagor · {part.title}", page)
    for start in range(0, max(1, len(document.imports)), TABLE_ROWS_PER_SLIDE):
        slide = _titled(deck, "Importerna bakom siffrorna" + (" (forts.)" if start else ""), size=26)
        header = ["Import", "Datamängd", "Fil eller källa", "Av", "När"]
        _table(slide, header, document.imports[start : start + TABLE_ROWS_PER_SLIDE])
        _frame(slide, document, "Bilagor · Importerna bakom siffrorna")
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


ROW_HEADERS = {1: ("Nyckeltal", "Värde", "Mål och förändring"), 5: ("Område", "Status", "Förändring")}
ROW_WIDTHS = (13.0, 5.0, 12.8)  # cm: the name, the value, the words beside it
TITLE_SLIDE, TITLE_ONLY = 0, 5  # the default template's layouts with a title placeholder
BODY_PT = 18
FRAME = ("Sidhuvud", "Sidfot")  # the names of the marking above and the imports below, at 14 pt


def _titled(deck, title: str, *, size: float):
    """A slide on the "title only" layout, its title in the placeholder at the top left."""
    from pptx.util import Cm

    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _title(slide, title, Cm(1.4), Cm(1.8), size=size)
    return slide


def _title(slide, title: str, top, height, *, size: float) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Cm

    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = Cm(1.5), top, Cm(30.8), height
    _fill(shape.text_frame, [title], size=size, bold=True)
    for paragraph in shape.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT


def _page_slides(deck, document: PackDocument, where: str, page: PackPage) -> None:
    """A page's slide, then its tables, continued over at most TABLE_SLIDES slides."""
    from pptx.util import Cm

    _page_slide(deck, document, where, page)
    for table in page.tables:
        shown = table.rows[: TABLE_ROWS_PER_SLIDE * TABLE_SLIDES]
        for start in range(0, max(1, len(shown)), TABLE_ROWS_PER_SLIDE):
            slide = _titled(deck, f"{table.title}{' (forts.)' if start else ''}", size=26)
            _table(slide, table.header, shown[start : start + TABLE_ROWS_PER_SLIDE])
            if start + TABLE_ROWS_PER_SLIDE >= len(shown) and len(shown) < len(table.rows):
                rest = (
                    f"De första {len(shown)} av {swedish_int(len(table.rows))} raderna; hela tabellen finns i PDF:en."
                )
                _text(slide, rest, Cm(1.5), Cm(16.4), Cm(30.8), Cm(1.0), size=BODY_PT)
            _frame(slide, document, where)


def _page_slide(deck, document: PackDocument, where: str, page: PackPage):
    from pptx.util import Cm

    slide = _titled(deck, page.heading or where, size=28)
    top = Cm(3.3)
    _text(slide, page.scope + (f" – {page.lead}" if page.lead else ""), Cm(1.5), top, Cm(30.8), Cm(1.6), size=BODY_PT)
    top = Cm(5.0)
    if page.figures and page.columns in ROW_HEADERS:  # every KPI, or every area's status: a row each
        rows = [[f.label, f.value, "; ".join(f.notes)] for f in page.figures]
        _table(slide, list(ROW_HEADERS[page.columns]), rows, top=top, widths=ROW_WIDTHS)
    elif page.figures:
        width = Cm(30.8 / page.columns)
        for i, figure in enumerate(page.figures):
            row, column = divmod(i, page.columns)
            text = "\n".join([figure.label, figure.value, *figure.notes])
            box = _text(
                slide, text, Cm(1.5) + width * column, top + Cm(5.4) * row, width - Cm(0.3), Cm(5.2), size=BODY_PT
            )
            box.text_frame.paragraphs[1].runs[0].font.size = _pt(28)
            box.text_frame.paragraphs[1].runs[0].font.bold = True
    if page.charts:
        width = Cm(30.8 / len(page.charts))
        for i, chart in enumerate(page.charts):
            _text(slide, chart.summary, Cm(1.5) + width * i, top, width - Cm(0.4), Cm(2.8), size=BODY_PT)
        for i, chart in enumerate(page.charts):  # the pictures after the text: the order a screen reader reads
            left = Cm(1.5) + width * i
            png = io.BytesIO(png_of(chart.svg))
            picture = slide.shapes.add_picture(png, left, top + Cm(2.9), width=width - Cm(0.4))
            if picture.height > Cm(9.6):  # keep the picture above the footer, in proportion
                ratio = Cm(9.6) / picture.height
                picture.height, picture.width = Cm(9.6), int(picture.width * ratio)
            picture._element.nvPicPr.cNvPr.set("descr", chart.summary)  # the alt text a screen reader reads
            picture.name = chart.title
    if page.lines:
        below = top + (Cm(5.4) * -(-len(page.figures) // page.columns) if page.figures and page.columns > 1 else 0)
        words = [page.list_title] if page.list_title else []
        _text(
            slide,
            "\n".join([*words, *(f"• {line}" for line in page.lines)]),
            Cm(1.5),
            below,
            Cm(30.8),
            Cm(11),
            size=BODY_PT,
        )
    if page.note:
        _text(slide, page.note, Cm(1.5), Cm(16.0), Cm(30.8), Cm(1.0), size=BODY_PT)
    _frame(slide, document, where)
    return slide


def _frame(slide, document: PackDocument, part: str) -> None:
    """The marking and the banner on top, the imports at the bottom: on every slide, as on every page."""
    from pptx.util import Cm

    header = _text(slide, f"{document.marking} · {document.banner}", Cm(1.5), Cm(0.3), Cm(30.8), Cm(1.0), size=14)
    footer = _text(slide, f"{part} · {document.footer}", Cm(1.5), Cm(17.6), Cm(30.8), Cm(1.0), size=14)
    header.name, footer.name = FRAME


def _pt(size: float):
    from pptx.util import Pt

    return Pt(size)


def _text(slide, text: str, left, top, width, height, *, size: float, bold: bool = False):
    """A text box: the text is text (searchable, read aloud), never a picture of it."""
    box = slide.shapes.add_textbox(left, top, width, height)
    _fill(box.text_frame, text.split("\n"), size=size, bold=bold)
    return box


def _fill(frame, lines: list[str], *, size: float, bold: bool = False) -> None:
    frame.word_wrap = True
    frame.clear()
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = _pt(size)
        run.font.bold = bold
        run.font.name = FAMILY


def _table(slide, header: list[str], rows: list[list[str]], *, top=None, widths: tuple[float, ...] = ()) -> None:
    from pptx.util import Cm

    top = Cm(3.4) if top is None else top
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Cm(1.5), top, Cm(30.8), Cm(1.0) * (len(rows) + 1))
    table = shape.table
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)
    for c, name in enumerate(header):
        table.cell(0, c).text = name
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = _pt(BODY_PT)
                    run.font.name = FAMILY
