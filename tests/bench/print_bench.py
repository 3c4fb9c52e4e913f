"""Printing: a Letter sheet run of 200 parent cards (25 sheets: 25 pages of fronts and 25 of
backs) in the thirteen languages, one flyer in each of the thirteen languages, the door
poster; seconds per page and the process's memory peak.

Run with `make bench` (or `uv run python -m tests.bench.print_bench`). It uses a throwaway
SQLite database under var/, fills it, measures, and deletes it."""

import os
import resource
import subprocess
import tempfile
import time
from datetime import timedelta

from tests.bench.scratch import describe, in_scratch_database

CARDS = int(os.environ.get("BENCH_PRINT_CARDS", "200"))


def _pages(data: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as out:
        out.write(data)
        out.flush()
        info = subprocess.run(["pdfinfo", out.name], check=True, capture_output=True, text=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fill():
    from django.conf import settings
    from django.utils import timezone

    from cards.models import Card
    from cards.signing import new_number
    from events_api.events.models import Event
    from events_api.people.models import Borough, Organization, School

    school = School.objects.create(
        dbn="15K169",
        name="P.S. 169 Sunset Park",
        borough=Borough.objects.get(code="K"),
        district=15,
        address="4004 4th Avenue, Brooklyn, NY 11232",
    )
    organization = Organization.objects.create(name="La Union")
    languages = [code for code, _name in settings.LANGUAGES]
    expires = timezone.localdate() + timedelta(days=365)
    cards = Card.objects.bulk_create(
        Card(
            number=new_number(),
            holder_name=f"Parent {n:03d}",
            preferred_language_id=languages[n % len(languages)],
            organization=organization,
            expires_on=expires,
        )
        for n in range(CARDS)
    )
    for card in cards:
        card.schools.add(school)
    start = timezone.now() + timedelta(days=30)
    event = Event.objects.create(
        title={code: f"Welcome night ({code})" for code in languages},
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        school=school,
        address=school.address,
        status="published",
    )
    event.languages.set(["en", "es", "bn", "zh-hans", "ar"])
    return school, event, languages


def measure() -> list[str]:
    from cards.queries import cards_for_list
    from printing.cards import card_pdf, sheet_pdf
    from printing.materials import flyer_pdf, poster_pdf

    school, event, languages = _fill()
    cards = list(cards_for_list().order_by("pk"))
    lines = []
    before = _peak_mib()
    started = time.perf_counter()
    card_pdf(cards[0])
    lines.append(
        f"first card (fonts load): {time.perf_counter() - started:6.2f} s; "
        f"peak RSS {before:.0f} -> {_peak_mib():.0f} MiB"
    )

    before = _peak_mib()
    started = time.perf_counter()
    data = sheet_pdf(cards)
    took = time.perf_counter() - started
    pages = _pages(data)
    lines.append(
        f"sheet run, {len(cards)} cards: {pages} pages ({pages // 2} sheets) in {took:6.2f} s = "
        f"{took / pages:5.3f} s/page, {len(data) / 1024:.0f} KiB; "
        f"peak RSS {before:.0f} -> {_peak_mib():.0f} MiB"
    )

    before = _peak_mib()
    times = []
    for code in languages:
        started = time.perf_counter()
        data = flyer_pdf(event, language=code, phone="+17185550142")
        times.append((time.perf_counter() - started, code, _pages(data)))
    total = sum(t for t, _code, _pages_ in times)
    pages = sum(p for _t, _code, p in times)
    slowest = max(times)
    lines.append(
        f"flyers, 13 languages: {pages} pages in {total:6.2f} s = {total / pages:5.3f} s/page "
        f"(slowest {slowest[1]} {slowest[0]:5.3f} s); peak RSS {before:.0f} -> "
        f"{_peak_mib():.0f} MiB"
    )
    started = time.perf_counter()
    data = poster_pdf(school)
    lines.append(
        f"door poster, 13 languages: {_pages(data)} page in {time.perf_counter() - started:6.3f} s"
    )
    return lines


def main() -> None:
    lines = in_scratch_database("print", measure)
    print(f"Printing ({CARDS} parent cards, 13 flyers, 1 poster; WeasyPrint, Pango, Noto)")
    print(describe())
    for line in lines:
        print("  " + line)


if __name__ == "__main__":
    main()
