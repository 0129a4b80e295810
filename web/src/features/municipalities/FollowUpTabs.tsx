import { Tabs } from "@mantine/core";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { MUNICIPALITY_TAB_SLUGS, type MunicipalityTabKey } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { WEB_FEATURES } from "..";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import type { MunicipalityTabEntry } from "../feature";

const route = getRouteApi("/signed-in/kommun/$code");

/** The parts of the follow-up in their order (the order of `MUNICIPALITY_TAB_SLUGS` in core's paths). */
const TAB_ORDER = Object.keys(MUNICIPALITY_TAB_SLUGS) as MunicipalityTabKey[];
// Read on first render, not at import: feature modules import this file while the feature list is being built.
let cachedTABS: readonly MunicipalityTabEntry[] | undefined;
const allTABS = (): readonly MunicipalityTabEntry[] =>
  (cachedTABS ??= WEB_FEATURES.flatMap((f): readonly MunicipalityTabEntry[] =>
    "municipalityTabs" in f ? f.municipalityTabs : [],
  ).sort((a, b) => TAB_ORDER.indexOf(a.tab) - TAB_ORDER.indexOf(b.tab)));
const tabOfSlug = (slug: string | undefined): MunicipalityTabKey | undefined =>
  TAB_ORDER.find((key) => MUNICIPALITY_TAB_SLUGS[key] === slug);

/**
 * The parts of the follow-up, each from its feature and offered where the user may read it (the agency does not
 * read the dialogue, so it has no Dialog tab). The chosen tab is in the address (`?flik=dialog`), so links (from
 * the watch list, in e-mail) open the right one; a tab that is not offered opens the first one instead.
 */
export function FollowUpTabs() {
  const { t } = useTranslation();
  const me = useMe();
  const { code } = route.useParams();
  const { flik } = route.useSearch();
  const navigate = useNavigate({ from: "/kommun/$code" });
  const tabs = allTABS().filter((tab) => can(me, tab.permission));
  const first = tabs[0]?.tab ?? "documents";
  const chosen = tabOfSlug(flik);
  const current = tabs.some((tab) => tab.tab === chosen) ? chosen! : first;
  return (
    <Tabs
      value={current}
      keepMounted={false}
      onChange={(value) => {
        const tab = tabs.find((entry) => entry.tab === value)?.tab ?? first;
        void navigate({
          search: (prev) => ({
            ...prev,
            flik: tab === "documents" ? undefined : MUNICIPALITY_TAB_SLUGS[tab],
          }),
          replace: true,
        });
      }}
    >
      <Tabs.List aria-label={t("municipality.tabsLabel")}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.tab} value={tab.tab}>
            {t(tab.label as "municipality.tabsLabel")}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.tab} value={tab.tab} pt="md">
          <tab.component code={code} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
