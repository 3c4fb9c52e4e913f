"""What a family's phone downloads to see the home page and register: the entry chunk with
its static imports, its CSS, and the catalogues of one language (the heaviest) that load
with the language (the AREAS of src/i18n/index.ts), gzipped. Pages for signed-in people and
staff, and the staff consoles' catalogues, are separate chunks loaded on first use."""

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"
CATALOGUE = re.compile(r"^src/i18n/(\w+)/([\w-]+)\.json$")
I18N_INDEX = DIST.parent / "src" / "i18n" / "index.ts"


def areas_loaded_with_the_language() -> set[str]:
    found = re.search(r"export const AREAS = \[([^\]]*)\]", I18N_INDEX.read_text())
    return set(re.findall(r'"(\w+)"', found[1]))


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


@dataclass
class Bundle:
    entry_js: int
    catalogue_js: int
    heaviest_language: str
    css: int
    lazy_chunks: dict[str, int]

    @property
    def first_load_js(self) -> int:
        return self.entry_js + self.catalogue_js


def measure() -> Bundle:
    manifest = json.loads((DIST / "manifest.json").read_text())
    entry_key = next(key for key, chunk in manifest.items() if chunk.get("isEntry"))
    seen: set[str] = set()

    def walk(key: str) -> None:
        if key in seen:
            return
        seen.add(key)
        for imported in manifest[key].get("imports", []):
            walk(imported)

    walk(entry_key)
    entry_js = sum(gzipped(DIST / manifest[key]["file"]) for key in seen)
    css = sum(gzipped(DIST / css) for key in seen for css in manifest[key].get("css", []))
    per_language: dict[str, int] = {}
    lazy: dict[str, int] = {}
    always = areas_loaded_with_the_language()
    for key, chunk in manifest.items():
        found = CATALOGUE.match(key)
        if found:
            if found[1] not in always:
                continue
            language = found[2]
            per_language[language] = per_language.get(language, 0) + gzipped(DIST / chunk["file"])
        elif chunk.get("isDynamicEntry"):
            lazy[key] = gzipped(DIST / chunk["file"])
    heaviest = max(per_language, key=per_language.get)
    return Bundle(entry_js, per_language[heaviest], heaviest, css, lazy)
