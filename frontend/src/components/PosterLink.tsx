/** The school's door poster (GET /api/v1/schools/{id}/poster.pdf): a plain link that opens
 * the PDF in a new tab. The server decides who may print it (the school's staff and
 * organisers); pages show the link only to them. */
import { t, tx } from "../i18n";

type School = { id: number; name: string };

export function PosterLink({ school }: { school: School }) {
  const id = `poster-${school.id}`;
  return (
    <section class="poster-link" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("print.poster_heading")}</h2>
      <p id={`${id}-hint`}>{tx("print.poster_hint", { school: <bdi>{school.name}</bdi> })}</p>
      <p>
        <a class="button secondary" href={`/api/v1/schools/${school.id}/poster.pdf`} target="_blank" aria-describedby={`${id}-hint`}>
          {t("print.poster")}
        </a>
      </p>
    </section>
  );
}
