/** Sign in with a password, or with a code sent by email; sign up. Parents never need an
 * account to register, and the page says so first. After signing in: ?next or my
 * registrations. */
import { useEffect, useRef, useState } from "preact/hooks";
import { confirmCode, requestCode, session, signIn, signUp } from "../../api/auth";
import { ApiError } from "../../api/client";
import { ErrorSummary, Field } from "../../components/Form";
import { t, tx } from "../../i18n";
import { navigate, useQuery } from "../../router";
import { useStore } from "../../store";
import { safeNext } from "./shared";

type Mode = "password" | "code-email" | "code-enter";

function required(fields: Record<string, string>): ApiError | null {
  const missing: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!value.trim()) missing[name] = [t(`account.need.${name}`)];
  }
  return Object.keys(missing).length ? new ApiError(400, "invalid", t("form.check"), missing) : null;
}

/** allauth answers a wrong password or code without a message of ours: say it plainly. */
function plain(error: unknown): unknown {
  if (error instanceof ApiError && !error.message && !Object.keys(error.fields).length) {
    if (error.code === "invalid_credentials") return new ApiError(400, error.code, t("account.wrong_password"));
    if (error.code === "invalid_code") return new ApiError(400, error.code, t("account.wrong_code"));
  }
  return error;
}

function NoAccountNeeded() {
  return (
    <div class="safe-zone">
      <p>{t("account.no_account_needed")}</p>
    </div>
  );
}

function AlreadySignedIn({ email, next }: { email: string; next: string }) {
  return (
    <>
      <h1>{t("account.sign_in_heading")}</h1>
      <p>{tx("account.signed_in_as", { email: <bdi dir="ltr">{email}</bdi> })}</p>
      <p>
        <a class="button" href={next}>
          {t("account.continue")}
        </a>
      </p>
    </>
  );
}

export function SignInPage() {
  const next = safeNext(useQuery().get("next"));
  const profile = useStore(session);
  const [mode, setMode] = useState<Mode>("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const [moved, setMoved] = useState(false);

  useEffect(() => {
    if (!moved) return;
    (mode === "code-enter" ? codeInput : emailInput).current?.focus();
  }, [mode, moved]);

  if (profile && !sending) return <AlreadySignedIn email={profile.email} next={next} />;

  const labels = { email: t("account.email"), password: t("account.password"), code: t("account.code") };

  const run = async (submit: SubmitEvent, check: Record<string, string>, action: () => Promise<void>) => {
    submit.preventDefault();
    if (sending) return;
    const problem = required(check);
    setError(problem);
    if (problem) return;
    setSending(true);
    try {
      await action();
    } catch (failure) {
      setError(plain(failure));
    } finally {
      setSending(false);
    }
  };

  const switchTo = (to: Mode) => {
    setError(null);
    setMoved(true);
    setMode(to);
  };

  const emailField = (
    <Field name="email" label={labels.email} error={error}>
      {(props) => (
        <input
          {...props}
          ref={emailInput}
          type="email"
          dir="ltr"
          autoComplete="email"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <h1>{t("account.sign_in_heading")}</h1>
      <NoAccountNeeded />
      {mode === "password" && (
        <form
          noValidate
          onSubmit={(e) =>
            run(e, { email, password }, async () => {
              await signIn(email.trim(), password);
              navigate(next);
            })
          }
        >
          <ErrorSummary error={error} labels={labels} />
          {emailField}
          <Field name="password" label={labels.password} error={error}>
            {(props) => (
              <input
                {...props}
                type="password"
                dir="ltr"
                autoComplete="current-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
              {t("account.sign_in")}
            </button>
          </div>
          <h2>{t("account.no_password_heading")}</h2>
          <p>{t("account.code_intro")}</p>
          <button type="button" class="secondary" onClick={() => switchTo("code-email")}>
            {t("account.use_code")}
          </button>
        </form>
      )}
      {mode === "code-email" && (
        <form
          noValidate
          aria-labelledby="code-heading"
          onSubmit={(e) =>
            run(e, { email }, async () => {
              await requestCode(email.trim());
              setCode("");
              switchTo("code-enter");
            })
          }
        >
          <h2 id="code-heading">{t("account.code_heading")}</h2>
          <p>{t("account.code_intro")}</p>
          <ErrorSummary error={error} labels={labels} />
          {emailField}
          <div class="actions">
            <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
              {t("account.send_code")}
            </button>
            <button type="button" class="secondary" onClick={() => switchTo("password")}>
              {t("account.use_password")}
            </button>
          </div>
        </form>
      )}
      {mode === "code-enter" && (
        <form
          noValidate
          aria-labelledby="code-heading"
          onSubmit={(e) =>
            run(e, { code }, async () => {
              await confirmCode(code.trim());
              navigate(next);
            })
          }
        >
          <h2 id="code-heading">{t("account.code_heading")}</h2>
          <p role="status" class="notice success">
            {tx("account.code_sent", { email: <bdi dir="ltr">{email.trim()}</bdi> })}
          </p>
          <ErrorSummary error={error} labels={labels} />
          <Field name="code" label={labels.code} hint={t("account.code_hint")} error={error}>
            {(props) => (
              <input
                {...props}
                ref={codeInput}
                type="text"
                dir="ltr"
                autoComplete="one-time-code"
                autoCapitalize="characters"
                spellcheck={false}
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            )}
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
              {t("account.sign_in")}
            </button>
            <button type="button" class="secondary" onClick={() => switchTo("code-email")}>
              {t("account.code_again")}
            </button>
          </div>
        </form>
      )}
      <p>
        {tx("account.no_account", { link: <a href={`/account/signup?next=${encodeURIComponent(next)}`}>{t("account.sign_up_link")}</a> })}
      </p>
    </>
  );
}

export function SignUpPage() {
  const next = safeNext(useQuery().get("next"));
  const profile = useStore(session);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [verify, setVerify] = useState(false);

  if (profile && !sending) return <AlreadySignedIn email={profile.email} next={next} />;
  const labels = { email: t("account.email"), password: t("account.new_password") };

  if (verify) {
    return (
      <>
        <h1>{t("account.sign_up_heading")}</h1>
        <p role="status" class="notice success">
          {tx("account.check_email", { email: <bdi dir="ltr">{email.trim()}</bdi> })}
        </p>
      </>
    );
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return;
    const problem = required({ email, password });
    setError(problem);
    if (problem) return;
    setSending(true);
    try {
      if (await signUp(email.trim(), password)) navigate(next);
      else setVerify(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <h1>{t("account.sign_up_heading")}</h1>
      <NoAccountNeeded />
      <p>{t("account.sign_up_intro")}</p>
      <form noValidate onSubmit={submit}>
        <ErrorSummary error={error} labels={labels} />
        <Field name="email" label={labels.email} error={error}>
          {(props) => (
            <input {...props} type="email" dir="ltr" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          )}
        </Field>
        <Field name="password" label={labels.password} hint={t("account.password_hint")} error={error}>
          {(props) => (
            <input
              {...props}
              type="password"
              dir="ltr"
              autoComplete="new-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
            {t("account.sign_up")}
          </button>
        </div>
      </form>
      <p>
        {tx("account.have_account", { link: <a href={`/account/sign-in?next=${encodeURIComponent(next)}`}>{t("account.sign_in_link")}</a> })}
      </p>
    </>
  );
}
