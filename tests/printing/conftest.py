"""Cards in the scripts the printed pages must get right, and helpers that read a PDF back
with Poppler (pdfinfo, pdftotext, pdftoppm) the way a reviewer would."""

import subprocess
from pathlib import Path

import pytest

from cards import services
from tests.cards.conftest import cbo, chair, school  # noqa: F401 (fixtures)

# Rendered pages are kept for people to look at after a run.
PNG_DIR = Path(__file__).resolve().parents[2] / "var" / "test-printing"


def pdf_text(data: bytes, tmp_path, *, layout: bool = False) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_info(data: bytes, tmp_path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    }


def pdf_fonts(data: bytes, tmp_path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout


def to_png(data: bytes, name: str, *, dpi: int = 100, first: int = 1, last: int = 1) -> list[Path]:
    """Pages ``first``..``last`` as PNGs under var/test-printing/, named after ``name``."""
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    source = PNG_DIR / f"{name}.pdf"
    source.write_bytes(data)
    for old in PNG_DIR.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(first),
            "-l",
            str(last),
            str(source),
            str(PNG_DIR / name),
        ],
        check=True,
    )
    return sorted(PNG_DIR.glob(f"{name}-*.png"))


@pytest.fixture
def card_in(cbo, school):  # noqa: F811
    """``card_in("bn")``: a card issued by La Union to a parent who reads that language."""

    def make(language: str, name: str = "Rahima Begum"):
        return services.issue(
            holder=services.Holder(name=name, preferred_language=language, schools=[school]),
            by=cbo.user,
            organization=cbo.organization,
        )

    return make


def page_mm(info: dict[str, str]) -> tuple[float, float]:
    """The first page's width and height in millimetres, to 0.1 mm."""
    width, _x, height = info["Page size"].split()[:3]
    return round(float(width) * 25.4 / 72, 1), round(float(height) * 25.4 / 72, 1)


def qr_codes(png: Path) -> list[str]:
    """What the QR codes on a rendered page say, read by ZBar as a phone camera would."""
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    return out.stdout.split()
