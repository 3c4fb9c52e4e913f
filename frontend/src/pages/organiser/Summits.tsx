/** The summits an organiser runs (the API decides which); each opens its dashboard. */
import { api, unwrap } from "../../api/client";
import { Loaded, useLoad } from "../../components/Status";
import { formatDate, t, tn } from "../../i18n";
import { OrganiserOnly, type Summit } from "./shared";

function loadSummits(): Promise<Summit[]> {
  return unwrap(api.GET("/api/v1/summits/", { params: { query: { managed: true, page_size: 100 } } })).then((page) => page.results);
}

function SummitList() {
  const summits = useLoad(loadSummits);
  return (
    <>
      <h1>{t("organiser.summits_heading")}</h1>
      <p>{t("organiser.summits_intro")}</p>
      <p>
        <a class="button" href="/organiser/summits/new">
          {t("organiser.new_summit")}
        </a>
      </p>
      <Loaded state={summits}>
        {(rows) =>
          rows.length ? (
            <>
              <p class="muted">{tn("organiser.summits_count", rows.length)}</p>
              <ul class="cards single organiser-summits">
                {rows.map((summit) => (
                  <li key={summit.id} class="card">
                    <h2 id={`summit-${summit.id}`}>
                      <a href={`/organiser/summits/${summit.id}`}>{summit.title}</a>
                    </h2>
                    <p>
                      {t("organiser.summit_dates", {
                        from: formatDate(summit.starts_on, "UTC"),
                        to: formatDate(summit.ends_on, "UTC"),
                      })}
                    </p>
                    {summit.status !== "published" && <p class="badge full">{t(`organiser.summit_status.${summit.status}`)}</p>}
                    <p>
                      <a href={`/organiser/summits/${summit.id}/build`} aria-describedby={`summit-${summit.id}`}>
                        {t("organiser.build")}
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("organiser.no_summits")}</p>
          )
        }
      </Loaded>
    </>
  );
}

export function OrganiserSummitsPage() {
  return <OrganiserOnly heading={t("organiser.summits_heading")}>{() => <SummitList />}</OrganiserOnly>;
}
