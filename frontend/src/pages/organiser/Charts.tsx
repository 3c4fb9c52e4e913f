/** Horizontal bar charts drawn as plain SVG at the width they are given (measured, so the
 * text keeps its real size on a phone). Bars grow from the start side: from the right in
 * Arabic and Urdu. The SVG is a picture for sighted readers; the page gives the same
 * numbers as a table, which is what screen readers read. */
import type { ComponentChildren, RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { language } from "../../i18n";

/** One row: its label, its bars (each a share 0..1 of the bar area, drawn over one
 * another, longest first) and the number written after the bars. */
export type ChartRow = { key: string | number; label: string; bars: { share: number; tone: "track" | "demand" | "value" | "full" }[]; value: string };

const FONT = 14;
const LINE = 18;
const BAR = 18;
const GAP = 14;
const VALUE_SPACE = 120;

/** Splits a label into at most two lines that fit ``chars`` characters, the second ending
 * in "…" when the label is longer still (the table has it whole). */
function wrap(label: string, chars: number): string[] {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => (l.length > chars ? `${l.slice(0, chars - 1)}…` : l));
  const second = lines.slice(1).join(" ");
  return [lines[0].slice(0, chars), `${second.slice(0, chars - 1)}…`];
}

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [box, width];
}

export function BarChart({ id, title, rows, legend }: { id: string; title: string; rows: ChartRow[]; legend?: ComponentChildren }) {
  const [box, width] = useWidth();
  const rtl = language().dir === "rtl";
  const chars = Math.max(12, Math.floor(width / (FONT * 0.56)));
  const area = Math.max(60, width - VALUE_SPACE);
  // x of a point ``from`` px along the bar area, counted from the start side.
  const x = (from: number) => (rtl ? width - from : from);
  let y = 0;
  const drawn = rows.map((row) => {
    const lines = wrap(row.label, chars);
    const top = y;
    const barTop = top + lines.length * LINE + 4;
    y = barTop + BAR + GAP;
    const longest = Math.max(0, ...row.bars.map((bar) => bar.share));
    const valueAt = Math.min(area, longest * area) + 8;
    return (
      <g key={row.key}>
        {lines.map((line, i) => (
          <text key={i} x={x(0)} y={top + (i + 1) * LINE - 4} font-size={FONT} class="chart-label" text-anchor="start" direction={rtl ? "rtl" : "ltr"}>
            {line}
          </text>
        ))}
        {row.bars.map((bar, i) => {
          const length = Math.max(0, Math.min(1, bar.share)) * area;
          const inset = bar.tone === "value" || bar.tone === "full" ? 3 : 0;
          return (
            <rect
              key={i}
              class={`chart-bar ${bar.tone}`}
              x={rtl ? width - length : 0}
              y={barTop + inset}
              width={length}
              height={BAR - inset * 2}
              rx={2}
            />
          );
        })}
        <text x={x(valueAt)} y={barTop + BAR - 4} font-size={FONT} class="chart-value" text-anchor="start" direction={rtl ? "rtl" : "ltr"}>
          {row.value}
        </text>
      </g>
    );
  });
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      {legend}
      <div ref={box} class="chart-box">
        {width > 0 && (
          <svg width={width} height={Math.max(y, 1)} viewBox={`0 0 ${width} ${Math.max(y, 1)}`} aria-hidden="true" focusable="false">
            {drawn}
          </svg>
        )}
      </div>
    </figure>
  );
}

export function Legend({ items }: { items: { tone: ChartRow["bars"][number]["tone"]; label: string }[] }) {
  return (
    <ul class="chart-legend">
      {items.map((item) => (
        <li key={item.tone}>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <rect class={`chart-bar ${item.tone}`} x="0" y="0" width="16" height="16" rx="2" />
          </svg>{" "}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
