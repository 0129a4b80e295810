import { Alert, Stack, Tabs, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DialogueTab } from "../dialogue/DialogueTab";
import { DocumentsTab } from "../documents/DocumentsTab";

const route = getRouteApi("/signed-in/kommun/$code");

export const FOLLOW_UP_PARTS = ["documents", "dialogue", "annual", "economy", "visits", "actions"] as const;

/** The six parts of the follow-up; the documents and the dialogue are in use, each of the others says plainly that it is not yet. */
export function FollowUpTabs() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <Tabs defaultValue="documents" keepMounted={false}>
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
