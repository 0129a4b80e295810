import { NavLink } from "@mantine/core";
import {
  IconApi,
  IconBuildingCommunity,
  IconFileCertificate,
  IconHistory,
  IconMap2,
  IconUsers,
} from "@tabler/icons-react";
import { useLocation } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "@uppsikt/core";
import { can } from "../features/auth/permissions";
import { useMe } from "../features/auth/useSession";
import { NavLinkLink } from "./links";

type Item =
  | {
      key: string;
      label: string;
      icon: ReactNode;
      to: "/" | "/overenskommelser" | "/logg" | "/anvandare";
      match: (path: string) => boolean;
    }
  | { key: string; label: string; icon: ReactNode; to: "/lan/$code"; code: string; match: (path: string) => boolean }
  | { key: string; label: string; icon: ReactNode; to: "/kommun/$code"; code: string; match: (path: string) => boolean }
  | { key: string; label: string; icon: ReactNode; href: string };

function itemsFor(me: Me, t: ReturnType<typeof useTranslation>["t"]): Item[] {
  const icon = (Icon: typeof IconMap2) => <Icon size={20} aria-hidden />;
  const items: Item[] = [];
  if (me.role === "agency") {
    items.push({
      key: "counties",
      label: t("nav.counties"),
      icon: icon(IconMap2),
      to: "/",
      match: (p) => p === "/" || p.startsWith("/lan/") || p.startsWith("/kommun/"),
    });
  }
  if (me.role === "county" && me.county) {
    items.push({
      key: "municipalities",
      label: t("nav.municipalities"),
      icon: icon(IconBuildingCommunity),
      to: "/lan/$code",
      code: me.county,
      match: (p) => p.startsWith("/lan/") || p.startsWith("/kommun/"),
    });
  }
  if (me.role === "municipality" && me.municipality) {
    items.push({
      key: "mine",
      label: t("nav.myMunicipality"),
      icon: icon(IconBuildingCommunity),
      to: "/kommun/$code",
      code: me.municipality,
      match: (p) => p.startsWith("/kommun/"),
    });
  }
  if (can(me, "users.manage")) {
    items.push({
      key: "users",
      label: t("nav.users"),
      icon: icon(IconUsers),
      to: "/anvandare",
      match: (p) => p.startsWith("/anvandare"),
    });
  }
  if (me.role === "agency") {
    items.push({
      key: "agreements",
      label: t("nav.agreements"),
      icon: icon(IconFileCertificate),
      to: "/overenskommelser",
      match: (p) => p.startsWith("/overenskommelser"),
    });
  }
  if (can(me, "audit.read")) {
    items.push({
      key: "audit",
      label: t("nav.audit"),
      icon: icon(IconHistory),
      to: "/logg",
      match: (p) => p.startsWith("/logg"),
    });
  }
  if (me.role === "admin") {
    items.push({
      key: "agreements",
      label: t("nav.agreements"),
      icon: icon(IconFileCertificate),
      to: "/overenskommelser",
      match: (p) => p.startsWith("/overenskommelser"),
    });
  }
  if (can(me, "apiDocs.read")) {
    items.push({ key: "api", label: t("nav.apiDocs"), icon: icon(IconApi), href: "/api/v1/docs" });
  }
  return items;
}

/** The role's menu: agency, county, municipality and admin users each see their own set. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t("app.mainNav")}>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {itemsFor(me, t).map((item) => (
          <li key={item.key}>
            {"href" in item ? (
              <NavLink component="a" href={item.href} label={item.label} leftSection={item.icon} />
            ) : item.to === "/lan/$code" || item.to === "/kommun/$code" ? (
              <NavLinkLink
                to={item.to}
                params={{ code: item.code }}
                label={item.label}
                leftSection={item.icon}
                active={item.match(pathname)}
                onClick={onNavigate}
              />
            ) : (
              <NavLinkLink
                to={item.to}
                label={item.label}
                leftSection={item.icon}
                active={item.match(pathname)}
                onClick={onNavigate}
              />
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
