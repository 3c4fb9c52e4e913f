"""Frontend bundle sizes (gzip -9) of the production build in frontend/dist."""

from tests.frontend.bundle import measure


def main() -> None:
    bundle = measure()
    print(f"entry JS (home + registration): {bundle.entry_js / 1024:.1f} KiB gz")
    print(
        f"catalogues, heaviest language ({bundle.heaviest_language}): "
        f"{bundle.catalogue_js / 1024:.1f} KiB gz"
    )
    print(f"first load JS: {bundle.first_load_js / 1024:.1f} KiB gz (budget 50)")
    print(f"CSS: {bundle.css / 1024:.1f} KiB gz (budget 15)")
    for name, size in sorted(bundle.lazy_chunks.items()):
        if name.startswith("src/pages/"):
            print(f"lazy chunk {name}: {size / 1024:.1f} KiB gz")
