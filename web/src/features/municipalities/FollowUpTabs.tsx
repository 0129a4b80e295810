import { Alert, Stack, Tabs, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { MUNICIPALITY_TABS, type MunicipalityTab } from "../../routeSearch";
import { DialogueTab } from "../dialogue/DialogueTab";
import { DocumentsTab } from "../documents/DocumentsTab";

const route = getRouteApi("/signed-in/kommun/$code");

export const FOLLOW_UP_PARTS = ["documents", "dialogue", "annual", "economy", "visits", "actions"] as const;
type Part = (typeof FOLLOW_UP_PARTS)[number];
/** The tab's slug in the address (`?flik=dialog`), in the order of the parts. */
const slugOf = (part: Part): MunicipalityTab => MUNICIPALITY_TABS[FOLLOW_UP_PARTS.indexOf(part)]!;
const partOf = (slug: MunicipalityTab | undefined): Part =>
  slug ? FOLLOW_UP_PARTS[MUNICIPALITY_TABS.indexOf(slug)]! : "documents";

/**
 * The six parts of the follow-up; the documents and the dialogue are in use, each of the others says plainly that
 * it is not yet. The chosen tab is in the address, so links (from the watch list, in e-mail) open the right one.
 */
export function FollowUpTabs() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const { flik } = route.useSearch();
  const navigate = useNavigate({ from: "/kommun/$code" });
  return (
    <Tabs
      value={partOf(flik)}
      keepMounted={false}
      onChange={(value) => {
        const part = FOLLOW_UP_PARTS.find((p) => p === value) ?? "documents";
        void navigate({
          search: (prev) => ({ ...prev, flik: part === "documents" ? undefined : slugOf(part) }),
          replace: true,
        });
      }}
    >
      <Tabs.List aria-label={t("municipality.tabsLabel")}>
        {FOLLOW_UP_PARTS.map((part) => (
          <Tabs.Tab key={part} value={part}>
            {t(`municipality.tabs.${part}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {FOLLOW_UP_PARTS.map((part) => (
        <Tabs.Panel key={part} value={part} pt="md">
          {part === "documents" ? (
            <DocumentsTab code={code} />
          ) : part === "dialogue" ? (
            <DialogueTab code={code} />
          ) : (
            <Alert
              role="note"
              variant="light"
              color="gray"
              icon={<IconInfoCircle aria-hidden />}
              styles={{ message: { color: "var(--mantine-color-text)" } }}
            >
              <Stack gap={4}>
                <Text fw={600}>{t("municipality.notInUse")}</Text>
                <Text>{t(`municipality.tabText.${part}`)}</Text>
              </Stack>
            </Alert>
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
