import { Button, Collapse, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconCircleCheck, IconFlag } from "@tabler/icons-react";
import type { AppliedCheck, DocumentItem } from "@uppsikt/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FlagBadge } from "./Badges";
import { SERVER_LANG, checkInputLabel, checkInputValue, typeName } from "./labels";

/** The rule behind a check and the facts it used, so that no flag is an unexplained red light. */
function RuleText({ check }: { check: AppliedCheck }) {
  const { t } = useTranslation();
  const inputs = Object.entries(check.inputs);
  return (
    <Stack gap={4}>
      <Text size="sm">
        <Text component="span" fw={600} size="sm">
          {t("documents.rule")}:
        </Text>{" "}
        <span lang={SERVER_LANG}>{check.rule}</span>
      </Text>
      {inputs.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t("documents.ruleInputs")}
          </Text>
          <dl className="rule-inputs" style={{ margin: 0 }}>
            {inputs.map(([key, value]) => (
              <div key={key} style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
                <Text component="dt" size="sm">
                  {checkInputLabel(t, key)}:
                </Text>
                <Text component="dd" size="sm" m={0} fw={600}>
                  {checkInputValue(t, key, value)}
                </Text>
              </div>
            ))}
          </dl>
        </div>
      )}
    </Stack>
  );
}

/** The raised flags as badges, each with a "Varför?" that opens its rule and inputs. */
export function FlagList({ item }: { item: DocumentItem }) {
  const { t } = useTranslation();
  const raised = item.checks.filter((c) => c.raised);
  if (raised.length === 0) return null;
  return (
    <List listStyleType="none" spacing="xs" aria-label={t("documents.flagsLabel")} m={0} p={0}>
      {raised.map((check) => (
        <List.Item key={check.flag}>
          <FlagWithReason check={check} documentName={typeName(t, item.type)} />
        </List.Item>
      ))}
    </List>
  );
}

function FlagWithReason({ check, documentName }: { check: AppliedCheck; documentName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <FlagBadge flag={check.flag} />
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={t("documents.whyLabel", { flag: t(`documents.flags.${check.flag}`), document: documentName })}
          rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
          onClick={() => setOpen((o) => !o)}
        >
          {t("documents.why")}
        </Button>
      </Group>
      <Collapse expanded={open} id={panelId} transitionDuration={0}>
        {open && (
          <Paper withBorder p="sm" bg="gray.0">
            <RuleText check={check} />
          </Paper>
        )}
      </Collapse>
    </Stack>
  );
}

/** Every check the system made for the document, raised or not. */
export function ChecksList({ item, headingOrder }: { item: DocumentItem; headingOrder: 4 | 5 }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={headingOrder} size="h5">
        {t("documents.checksHeading")}
      </Title>
      <Text size="sm">{t("documents.checksIntro")}</Text>
      <List listStyleType="none" spacing="sm" m={0} p={0}>
        {item.checks.map((check) => (
          <List.Item key={check.flag}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              {check.raised ? (
                <IconFlag size={18} color="var(--mantine-color-red-9)" aria-hidden style={{ flexShrink: 0 }} />
              ) : (
                <IconCircleCheck size={18} color="var(--mantine-color-green-9)" aria-hidden style={{ flexShrink: 0 }} />
              )}
              <Stack gap={2}>
                <Text size="sm" fw={700}>
                  {t(`documents.flags.${check.flag}`)}:{" "}
                  {check.raised ? t("documents.checkRaised") : t("documents.checkNotRaised")}
                </Text>
                <RuleText check={check} />
              </Stack>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
