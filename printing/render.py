"""PDFs made on the server: a Django template rendered in the reader's language, laid out by
WeasyPrint with Debian's Pango and Noto fonts (docs/printing.md).

Fonts: Noto Sans for Latin and Cyrillic, Noto Sans Bengali, Noto Naskh Arabic for Arabic
*and* Urdu (Naskh, not Nastaliq: it stays legible at a card's 7 pt, keeps the line height
of the other scripts, and its text can be copied back out of the PDF), Noto Sans CJK SC
for Chinese and Noto Sans CJK KR for Korean."""

from base64 import b64encode
from io import BytesIO

import segno
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

# Under a side of the QR code, a phone camera from arm's length still reads 4 mm modules.
QR_ERROR = "m"


def pdf(template: str, context: dict, *, language: str) -> bytes:
    """``template`` rendered with ``language`` active (gettext, dates, direction)."""
    with translation.override(language):
        html = render_to_string(
            template,
            {
                **context,
                "language": language,
                "direction": "rtl" if translation.get_language_bidi() else "ltr",
            },
        )
    # Imported here: Pango loads once, in the first process that prints, not in every one.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def qr_data_uri(data: str) -> str:
    """A QR code as a PNG data URI of one pixel per module: a few hundred bytes that print
    sharp at any size once the <img> says ``image-rendering: pixelated`` (the PDF then asks
    for no smoothing). Faster to lay out than an SVG of the same code."""
    out = BytesIO()
    segno.make_qr(data, error=QR_ERROR).save(out, kind="png", scale=1, border=0)
    return "data:image/png;base64," + b64encode(out.getvalue()).decode("ascii")


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    """Shown in the browser's own viewer (from which it prints); saved as ``filename``."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
