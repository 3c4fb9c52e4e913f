/** Issue a card: the name the parent gives, her language, optionally her children's
 * schools, a phone or email, in whose name it is issued, and until when. The API's errors
 * are shown in a summary and beside each field; what was typed is kept. */
import { useState } from "preact/hooks";
import { languageLabel, loadLanguages } from "../../api/catalogue";
import { api, type Profile, unwrap } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { useLoad } from "../../components/Status";
import { t } from "../../i18n";
import { type Card, issuerErrors, type School } from "./shared";

type Draft = {
  holder_name: string;
  preferred_language: string;
  schools: string[];
  phone: string;
  email: string;
  issuer: string;
  expires_on: string;
};

function firstIssuer(organizations: Profile["organizations"]): string {
  return organizations.length ? `organization:${organizations[0].organization}` : "";
}

export function IssueForm({
  profile,
  schools,
  onIssued,
}: {
  profile: Profile;
  schools: School[];
  onIssued: (card: Card) => void;
}) {
  const languages = useLoad(loadLanguages);
  const organizations = profile.roles.includes("cbo_staff") ? profile.organizations : [];
  // CBO staff issue in their organisation's name; organisers and school staff in a school's.
  const forSchools = !organizations.length || profile.roles.includes("organiser") || profile.desks.includes("committee_manager");
  const empty = (): Draft => ({
    holder_name: "",
    preferred_language: "",
    schools: [],
    phone: "",
    email: "",
    issuer: firstIssuer(organizations),
    expires_on: "",
  });
  const [draft, setDraft] = useState<Draft>(empty);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const set = (field: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });

  const labels = {
    holder_name: t("cards.holder_name"),
    preferred_language: t("cards.language"),
    schools: t("cards.children_schools"),
    phone: t("cards.phone"),
    email: t("cards.email"),
    issuer: t("cards.issuer"),
    expires_on: t("cards.expires_on"),
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const [kind, id] = draft.issuer.split(":");
    try {
      const card = await unwrap(
        api.POST("/api/v1/cards/", {
          body: {
            holder_name: draft.holder_name.trim(),
            preferred_language: draft.preferred_language,
            schools: draft.schools.map(Number),
            ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
            ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
            ...(kind === "organization" ? { organization: Number(id) } : {}),
            ...(kind === "school" ? { school: Number(id) } : {}),
            ...(draft.expires_on ? { expires_on: draft.expires_on } : {}),
          },
        }),
      );
      setError(null);
      setDraft({ ...empty(), issuer: draft.issuer });
      onIssued(card);
    } catch (problem) {
      setError(issuerErrors(problem));
    } finally {
      setSending(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} class="cards-issue" aria-labelledby="issue-heading">
      <h2 id="issue-heading">{t("cards.issue_heading")}</h2>
      <p class="hint">{t("cards.issue_intro")}</p>
      <ErrorSummary error={error} labels={labels} />
      <Field name="holder_name" label={labels.holder_name} hint={t("cards.holder_name_hint")} error={error}>
        {(props) => (
          <input {...props} type="text" autocomplete="off" value={draft.holder_name} onInput={set("holder_name")} />
        )}
      </Field>
      <Field name="preferred_language" label={labels.preferred_language} error={error}>
        {(props) => (
          <select {...props} value={draft.preferred_language} onChange={set("preferred_language")}>
            <option value="">{t("cards.choose_language")}</option>
            {(languages.data ?? []).map((l) => (
              <option key={l.code} value={l.code}>
                {languageLabel(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="issuer" label={labels.issuer} error={error}>
        {(props) => (
          <select {...props} value={draft.issuer} onChange={set("issuer")}>
            <option value="">{t("cards.choose_issuer")}</option>
            {organizations.length > 0 && (
              <optgroup label={t("cards.organizations")}>
                {organizations.map((o) => (
                  <option key={o.organization} value={`organization:${o.organization}`}>
                    {o.organization_name}
                  </option>
                ))}
              </optgroup>
            )}
            {forSchools && schools.length > 0 && (
              <optgroup label={t("cards.schools")}>
                {schools.map((s) => (
                  <option key={s.id} value={`school:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      <Field name="schools" label={labels.schools} hint={t("cards.children_schools_hint")} error={error}>
        {(props) => (
          <select
            {...props}
            multiple
            size={5}
            onChange={(e) =>
              setDraft({ ...draft, schools: Array.from(e.currentTarget.selectedOptions, (o) => o.value) })
            }
          >
            {schools.map((s) => (
              <option key={s.id} value={String(s.id)} selected={draft.schools.includes(String(s.id))}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="phone" label={labels.phone} hint={t("cards.contact_hint")} error={error}>
        {(props) => <input {...props} type="tel" dir="ltr" autocomplete="off" value={draft.phone} onInput={set("phone")} />}
      </Field>
      <Field name="email" label={labels.email} error={error}>
        {(props) => <input {...props} type="email" dir="ltr" autocomplete="off" value={draft.email} onInput={set("email")} />}
      </Field>
      <Field name="expires_on" label={labels.expires_on} hint={t("cards.expires_on_hint")} error={error}>
        {(props) => <input {...props} type="date" value={draft.expires_on} onInput={set("expires_on")} />}
      </Field>
      <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
        {t("cards.issue")}
      </button>
    </form>
  );
}
