import type { Role } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";

/** Role names in the interface language, with the agency's name from the server config. */
export function useRoleLabel(): (role: Role) => string {
  const { t } = useTranslation();
  const { agencyName } = useAppConfig();
  return (role) => t(`roles.${role}`, { agency: agencyName });
}
