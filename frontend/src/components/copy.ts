import { useState } from "preact/hooks";

/** Copies ``text`` to the clipboard when asked. ``copied`` is null before the first try,
 * then whether the last try worked (a browser may refuse: the text stays on the page). */
export function useCopy(text: string): { copied: boolean | null; copy: () => Promise<void> } {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return { copied, copy };
}
