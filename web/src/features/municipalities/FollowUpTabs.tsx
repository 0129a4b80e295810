import { Alert, Stack, Tabs, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export const FOLLOW_UP_PARTS = ["documents", "dialogue", "annual", "economy", "visits", "actions"] as const;

/** The six parts of the follow-up; none is in use yet, and each says so plainly. */
export function FollowUpTabs() {
  const { t } = useTranslation();
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
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
