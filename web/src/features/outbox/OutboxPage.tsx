import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";

/** Mail written to DATA_DIR/outbox when no SMTP server is configured (admin). */
export function OutboxPage() {
  const { t } = useTranslation();
  return <Page title={t("watchAdmin.outbox.title")}>{null}</Page>;
}
