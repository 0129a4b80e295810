import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { AdaptiveLayout } from "../../components/AdaptiveLayout";
import { Page } from "../../components/Page";

const PUBLISHED = "2026-11-27";
const CONTACT = "tillganglighet@uppsikt.example";

/** The accessibility statement, after DIGG's model; open to everyone, signed in or not. */
export function AccessibilityPage() {
  return (
    <AdaptiveLayout>
      <AccessibilityStatement />
    </AdaptiveLayout>
  );
}

function Section({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {heading}
      </Title>
      {children}
    </Stack>
  );
}

function AccessibilityStatement() {
  const { t } = useTranslation();
  const { agencyName } = useAppConfig();
  const shortcomings = t("accessibility.shortcomings", { returnObjects: true });
  return (
    <Page title={t("accessibility.title")}>
      <Stack gap="lg" maw={760}>
        <Text>{t("accessibility.intro", { agency: agencyName })}</Text>

        <Section heading={t("accessibility.statusHeading")}>
          <Text>{t("accessibility.statusText")}</Text>
        </Section>

        <Section heading={t("accessibility.shortcomingsHeading")}>
          <Text>{t("accessibility.shortcomingsIntro")}</Text>
          <List>
            {shortcomings.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Section>

        <Section heading={t("accessibility.reportHeading")}>
          <Text>
            {t("accessibility.reportText")} <Anchor href={`mailto:${CONTACT}`}>{CONTACT}</Anchor>.
          </Text>
          <Text>{t("accessibility.reportAlternative")}</Text>
        </Section>

        <Section heading={t("accessibility.enforcementHeading")}>
          <Text>{t("accessibility.enforcementText")}</Text>
          <Text>
            <Anchor href="https://www.digg.se/" lang="sv">
              {t("accessibility.enforcementLink")}
            </Anchor>
          </Text>
        </Section>

        <Section heading={t("accessibility.testingHeading")}>
          <Text>{t("accessibility.testingText")}</Text>
        </Section>

        <Section heading={t("accessibility.publishedHeading")}>
          <Text>{t("accessibility.published", { date: PUBLISHED })}</Text>
        </Section>
      </Stack>
    </Page>
  );
}
