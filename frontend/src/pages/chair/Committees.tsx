/** /chair: the committees the reader runs (chair, co-chair, secretary), with how many
 * meetings were scheduled or changed inside the notice period; each opens its desk. */
import { api, unwrap, type Profile } from "../../api/client";
import { Loaded, useLoad } from "../../components/Status";
import { t, tn } from "../../i18n";
import { ChairGate, type Committee } from "./shared";

function loadManaged(): Promise<Committee[]> {
  return unwrap(api.GET("/api/v1/committees/", { params: { query: { managed: true, page_size: 100 } } })).then(
    (page) => page.results,
  );
}

function CommitteeList({ profile }: { profile: Profile }) {
  const committees = useLoad(loadManaged, [profile.id]);
  return (
    <>
      <h1>{t("chair.committees_heading")}</h1>
      <p>{t("chair.committees_intro")}</p>
      <Loaded state={committees}>
        {(rows) =>
          rows.length ? (
            <ul class="cards single chair-committees">
              {rows.map((committee) => (
                <li key={committee.id} class="card">
                  <h2>
                    <a href={`/chair/committees/${committee.id}`}>{committee.name}</a>
                  </h2>
                  <p class="muted">{tn("chair.voting_members", committee.voting_members)}</p>
                  {committee.late_notices > 0 ? (
                    <p class="badge full">{tn("chair.late_count", committee.late_notices)}</p>
                  ) : (
                    <p class="muted">{t("chair.no_late")}</p>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("chair.no_committees")}</p>
          )
        }
      </Loaded>
    </>
  );
}

export function ChairCommitteesPage() {
  return <ChairGate heading={t("chair.committees_heading")}>{(profile) => <CommitteeList profile={profile} />}</ChairGate>;
}
