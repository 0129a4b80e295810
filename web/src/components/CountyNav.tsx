import { Group } from "@mantine/core";
import { useLocation } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { WEB_FEATURES } from "../features";
import { can } from "../features/auth/permissions";
import type { CountyNavEntry } from "../features/feature";
import { useMe } from "../features/auth/useSession";
import { ButtonLink } from "./links";

// Read on first render, not at import: feature modules import this file while the feature list is being built.
let cachedENTRIES: readonly CountyNavEntry[] | undefined;
const allENTRIES = (): readonly CountyNavEntry[] =>
  (cachedENTRIES ??= WEB_FEATURES.flatMap((f): readonly CountyNavEntry[] => ("countyNav" in f ? f.countyNav : [])).sort(
    (a, b) => a.order - b.order,
  ));

/**
 * The pages of one county as a row of links; the current one is filled (and the router marks it aria-current).
 * Shown to those who read several counties (the agency); a county's own users have these pages in the main menu.
 */
export function CountyNav({ code, countyName }: { code: string; countyName: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  if (me.role === "county" && me.county === code) return null;
  const links = allENTRIES()
    .filter((e) => can(me, e.permission) && (e.when?.(me) ?? true) && (e.whenCounty?.(me, code) ?? true))
    .map((e) => ({ to: e.to as "/lan/$code", label: t(e.label as "nav.users") }));
  const visible = links;
  // Without any document page there is nothing to move between.
  if (visible.length < 2) return null;
  const base = `/lan/${code}`;
  return (
    <nav aria-label={t("countyDocuments.countyNav.label", { county: countyName })}>
      <Group component="ul" gap="xs" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {visible.map((link) => {
          const href = link.to.replace("/lan/$code", base);
          const current = pathname === href || pathname === `${href}/`;
          return (
            <li key={link.to}>
              <ButtonLink
                to={link.to}
                params={{ code }}
                size="sm"
                variant={current ? "filled" : "default"}
                activeOptions={{ exact: true, includeSearch: false }}
              >
                {link.label}
              </ButtonLink>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
