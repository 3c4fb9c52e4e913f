/** One way to show the API's errors on a form: a summary at the top (announced, focused,
 * each field error a link to its field) and each field's own errors beside it. */
import type { ComponentChildren, JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { ApiError } from "../api/client";
import { t } from "../i18n";
import { errorText } from "./Status";

export function fieldErrors(error: unknown, name: string): string[] {
  return error instanceof ApiError ? (error.fields[name] ?? []) : [];
}

export function ErrorSummary({ error, labels }: { error: unknown; labels: Record<string, string> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  // With field errors the title is ours: the API's one-line message repeats the first
  // field's own, and each field's message is listed below with a link to it anyway.
  const general = fields.length ? t("form.check") : errorText(error);
  return (
    <div class="notice error" role="alert" tabIndex={-1} ref={box} id="form-errors">
      <p class="notice-title">{general}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, messages]) => (
            <li key={name}>
              {labels[name] ? (
                <a href={`#field-${name}`} onClick={(event) => focusField(event, name)}>
                  {labels[name]}: {messages.join(" ")}
                </a>
              ) : (
                messages.join(" ")
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function focusField(event: Event, name: string): void {
  event.preventDefault();
  document.getElementById(`field-${name}`)?.focus();
}

export type ControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: "true";
};

export function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error: unknown;
  children: (props: ControlProps) => JSX.Element;
}) {
  const messages = fieldErrors(error, name);
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : "", messages.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={messages.length ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <p class="field-error" id={`${id}-error`}>
          {messages.join(" ")}
        </p>
      )}
      {children({
        id,
        name,
        "aria-describedby": described || undefined,
        "aria-invalid": messages.length ? "true" : undefined,
      })}
    </div>
  );
}
