/** Catalogues, plurals and Intl formatting. Catalogues are split by area (core: the
 * families' pages; committees; account: sign-in, my pages, CBO staff), one JSON file per
 * area and language, each its own small chunk; only the reader's language is loaded. A
 * catalogue is flat: "key": "text with {placeholders}", or for plurals
 * "key": {"one": "…", "other": "…"} with the categories of Intl.PluralRules. */
import type { ComponentChild } from "preact";
import { LANGUAGES, type UiLanguage } from "./languages";

type Entry = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalogue = Record<string, Entry>;

const loaders = import.meta.glob<{ default: Catalogue }>("./*/*.json");
/** Loaded with the language, for every page. */
export const AREAS = ["core", "committees", "account"] as const;
/** Staff consoles' own catalogues, loaded with their chunk (loadArea) so that families
 * never download them: "staff" for the organiser's dashboard, the door and interpreting
 * (organiser.*, door.*, interp.*), and one area per newer console: "cards" (issuers),
 * "verify" (the page a card's QR code opens, and the door's card tab), "print" (links to
 * the printed flyers and posters, on the organiser's and the chair's pages). */
export const STAFF_AREAS = ["staff", "builder", "chair", "records", "cards", "verify", "print"] as const;
type Area = (typeof AREAS)[number] | (typeof STAFF_AREAS)[number];

let current: UiLanguage = LANGUAGES[0];
let catalogue: Catalogue = {};
let plurals = new Intl.PluralRules("en");
const wanted = new Set<Area>(AREAS);

async function areaCatalogue(area: Area, code: string): Promise<Catalogue> {
  return (await loaders[`./${area}/${code}.json`]()).default;
}

export async function loadLanguage(language: UiLanguage): Promise<void> {
  const parts = await Promise.all([...wanted].map((area) => areaCatalogue(area, language.code)));
  catalogue = Object.assign({}, ...parts);
  current = language;
  plurals = new Intl.PluralRules(language.tag);
}

/** Adds a staff area's strings in the current language (and keeps them on a language
 * change). Resolves once they can be used. */
export async function loadArea(area: (typeof STAFF_AREAS)[number]): Promise<void> {
  if (wanted.has(area)) return;
  const code = current.code;
  const part = await areaCatalogue(area, code);
  wanted.add(area);
  if (current.code === code) catalogue = { ...catalogue, ...part };
  else await loadLanguage(current);
}

export function language(): UiLanguage {
  return current;
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatValue(params[name]) : whole,
  );
}

function formatValue(value: string | number): string {
  return typeof value === "number" ? formatNumber(value) : value;
}

function lookup(key: string, count?: number): string {
  const entry = catalogue[key];
  if (entry === undefined) return key;
  if (typeof entry === "string") return entry;
  const category = plurals.select(count ?? 0);
  return entry[category] ?? entry.other ?? key;
}

/** A translated string. */
export function t(key: string, params?: Record<string, string | number>): string {
  return fill(lookup(key), params);
}

/** A translated string chosen by a count ({count} is filled in). */
export function tn(key: string, count: number, params?: Record<string, string | number>): string {
  return fill(lookup(key, count), { count, ...params });
}

/** A translated sentence with elements in it (a code, a link), keeping the translator's
 * word order: "Your code is {code}" with code=<bdi>…</bdi>. */
export function tx(key: string, parts: Record<string, ComponentChild>, count?: number): ComponentChild[] {
  const text = lookup(key, count);
  const out: ComponentChild[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    out.push(text.slice(last, match.index));
    const name = match[1];
    out.push(name in parts ? parts[name] : name === "count" && count !== undefined ? formatNumber(count) : match[0]);
    last = (match.index ?? 0) + match[0].length;
  }
  out.push(text.slice(last));
  return out;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(current.tag).format(value);
}

/** "Saturday, March 6, 2027, 10:00 AM – 12:00 PM" in the event's own time zone. */
export function formatEventTime(startsAt: string, endsAt: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(current.tag, {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

export function formatDate(value: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(current.tag, { dateStyle: "medium", timeZone }).format(new Date(value));
}

export function formatDateTime(value: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(current.tag, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(value),
  );
}

/** A language's name in the reader's language ("Bangla" / "বাংলা" / "Bengalí"). */
export function languageName(code: string): string {
  try {
    const names = new Intl.DisplayNames([current.tag], { type: "language", fallback: "none" });
    return names.of(code === "zh-hans" ? "zh-Hans" : code === "ase" ? "ase" : code) ?? code;
  } catch {
    return code;
  }
}
