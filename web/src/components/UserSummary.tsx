import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { countyQuery, municipalityQuery } from "../api/queries";
import { useMe } from "../features/auth/useSession";
import { useRoleLabel } from "../features/auth/useRoleLabel";

/** The user's name and, below it, role and scope, e.g. "Länsstyrelse, Stockholms län (enhetschef)". */
export function UserSummary() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const county = useQuery({ ...countyQuery(me.county ?? ""), enabled: me.role === "county" && !!me.county });
  const municipality = useQuery({
    ...municipalityQuery(me.municipality ?? ""),
    enabled: me.role === "municipality" && !!me.municipality,
  });

  let scope = roleLabel(me.role);
  if (me.role === "county") {
    scope += county.data ? `, ${county.data.name}` : "";
    scope += ` (${me.countyHead ? t("scope.countyHead") : t("scope.countyOfficer")})`;
  } else if (me.role === "municipality") {
    scope += municipality.data ? `, ${municipality.data.name}` : "";
    if (me.readOnly) scope += ` (${t("scope.readOnly")})`;
  }
  return (
    <Stack gap={0} align="flex-end" visibleFrom="sm">
      <Text size="sm" fw={600}>
        {me.name}
      </Text>
      <Text size="xs" c="dark.5">
        {scope}
      </Text>
    </Stack>
  );
}
