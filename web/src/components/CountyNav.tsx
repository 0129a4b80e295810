import { Group } from "@mantine/core";
import { useLocation } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "./links";
import { can } from "../features/auth/permissions";
import { useMe } from "../features/auth/useSession";

type CountyTo =
  | "/lan/$code"
  | "/lan/$code/dokument"
  | "/lan/$code/uppfoljning-ar-2"
  | "/lan/$code/aterkoppling"
  | "/lan/$code/sok"
  | "/lan/$code/sok-dialog";

/** The pages of one county as a row of links; the current one is filled (and the router marks it aria-current). */
export function CountyNav({ code, countyName }: { code: string; countyName: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const links: { to: CountyTo; label: string; show: boolean }[] = [
    { to: "/lan/$code", label: t("oversight.countyNav.municipalities"), show: true },
    { to: "/lan/$code/dokument", label: t("oversight.countyNav.matrix"), show: can(me, "documents.matrix") },
    { to: "/lan/$code/uppfoljning-ar-2", label: t("oversight.countyNav.yearTwo"), show: can(me, "documents.yearTwo") },
    { to: "/lan/$code/aterkoppling", label: t("oversight.countyNav.awaiting"), show: can(me, "feedback.awaiting") },
    { to: "/lan/$code/sok", label: t("oversight.countyNav.search"), show: can(me, "documents.search") },
    // The dialogue is the county's own: the agency browses documents but does not read dialogue.
    {
      to: "/lan/$code/sok-dialog",
      label: t("dialogue.search.nav"),
      show: can(me, "dialogue.search") && me.county === code,
    },
  ];
  const visible = links.filter((l) => l.show);
  // Without any document page there is nothing to move between.
  if (visible.length < 2) return null;
  const base = `/lan/${code}`;
  return (
    <nav aria-label={t("oversight.countyNav.label", { county: countyName })}>
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
