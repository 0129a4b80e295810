import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AdaptiveLayout } from "./AdaptiveLayout";
import { Page } from "./Page";
import { ButtonLink } from "./links";

export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")}>
      <Text maw={640}>{t("notFound.text")}</Text>
      <div>
        <ButtonLink to="/" variant="outline">
          {t("common.toStart")}
        </ButtonLink>
      </div>
    </Page>
  );
}

/** The 404 page, inside whichever layout fits the visitor. */
export function NotFoundPage() {
  return (
    <AdaptiveLayout>
      <NotFoundContent />
    </AdaptiveLayout>
  );
}
