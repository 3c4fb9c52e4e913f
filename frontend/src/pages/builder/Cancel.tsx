/** Cancelling a session: first the number of families registered (with a seat or on the
 * waitlist), who will be told; then a second, explicit "yes". */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { ErrorSummary } from "../../components/Form";
import { LoadError, Loading } from "../../components/Status";
import { t, tn } from "../../i18n";
import { type Session, useAction } from "./shared";

/** Families registered for the session: with a seat, and on its waitlist. */
async function registeredFamilies(session: Session): Promise<number> {
  const rows = await unwrap(api.GET("/api/v1/summits/{id}/dashboard/", { params: { path: { id: String(session.summit) } } }));
  const row = rows.find((r) => r.session === session.id);
  return row ? row.confirmed_parties + row.waitlisted_parties : 0;
}

type Step = { kind: "idle" } | { kind: "counting" } | { kind: "ask"; families: number } | { kind: "failed"; error: unknown };

export function CancelSession({ session, onCancelled }: { session: Session; onCancelled: () => void }) {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const ask = async () => {
    setStep({ kind: "counting" });
    try {
      setStep({ kind: "ask", families: await registeredFamilies(session) });
    } catch (caught) {
      setStep({ kind: "failed", error: caught });
    }
  };
  const { error, busy, act: cancel } = useAction(async () => {
    await unwrap(api.PATCH("/api/v1/events/{id}/", { params: { path: { id: String(session.event.id) } }, body: { status: "cancelled" } }));
    onCancelled();
  });
  return (
    <section aria-labelledby="cancel-heading" class="builder-section danger-zone">
      <h2 id="cancel-heading">{t("builder.cancel_heading")}</h2>
      {step.kind === "idle" && (
        <button type="button" class="danger" onClick={() => void ask()}>
          {t("builder.cancel_session")}
        </button>
      )}
      {step.kind === "counting" && <Loading />}
      {step.kind === "failed" && <LoadError error={step.error} retry={() => void ask()} />}
      {step.kind === "ask" && (
        <div class="notice warning" role="alert">
          <p class="notice-title">{tn("builder.cancel_warning", step.families)}</p>
          <p>{step.families ? t("builder.cancel_told") : t("builder.cancel_nobody")}</p>
          <ErrorSummary error={error} labels={{}} />
          <div class="actions">
            <button type="button" class="danger" onClick={() => void cancel()} disabled={busy} aria-busy={busy}>
              {t("builder.cancel_confirm")}
            </button>
            <button type="button" class="secondary" onClick={() => setStep({ kind: "idle" })}>
              {t("builder.cancel_keep")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
