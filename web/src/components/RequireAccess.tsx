import { Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { can, type Action } from "../features/auth/permissions";
import { useMe } from "../features/auth/useSession";
import { Page } from "./Page";
import { ButtonLink } from "./links";

/** Renders the page only for roles that may use it; others get a plain explanation. */
export function RequireAccess({ action, children }: { action: Action; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (can(me, action)) return <>{children}</>;
  return (
    <Page title={t("common.forbiddenTitle")}>
      <Text maw={640}>{t("common.forbiddenText")}</Text>
      <div>
        <ButtonLink to="/" variant="outline">
          {t("common.toStart")}
        </ButtonLink>
      </div>
    </Page>
  );
}
