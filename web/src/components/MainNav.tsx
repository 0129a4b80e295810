import { NavLink, Text } from "@mantine/core";
import {
  IconApi,
  IconBook,
  IconBuildingCommunity,
  IconCalendarDue,
  IconFileCertificate,
  IconGavel,
  IconScale,
  IconHistory,
  IconMail,
  IconMessageSearch,
  IconKey,
  IconMailFast,
  IconMap2,
  IconSearch,
  IconTable,
  IconUsers,
} from "@tabler/icons-react";
import { useLocation } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "@uppsikt/core";
import { can } from "../features/auth/permissions";
import { useMe } from "../features/auth/useSession";
import { NavLinkLink } from "./links";

type StaticTo =
  | "/"
  | "/overenskommelser"
  | "/logg"
  | "/anvandare"
  | "/behorigheter"
  | "/kriterier"
  | "/osl-grunder"
  | "/bevakning"
  | "/utgaende-post"
  | "/nationella-regler";
type CodeTo =
  | "/lan/$code"
  | "/lan/$code/dokument"
  | "/lan/$code/uppfoljning-ar-2"
  | "/lan/$code/aterkoppling"
  | "/lan/$code/sok"
  | "/lan/$code/sok-dialog"
  | "/kommun/$code";

interface Base {
  key: string;
  label: string;
  icon: ReactNode;
}
type Item =
  | (Base & { to: StaticTo; match: (path: string) => boolean })
  | (Base & { to: CodeTo; code: string; match: (path: string) => boolean })
  | (Base & { href: string });

/** A labelled part of the menu; the first part of each role has no label. */
interface Group {
  key: string;
  label?: string;
  items: Item[];
}

function groupsFor(me: Me, t: TFunction): Group[] {
  const icon = (Icon: typeof IconMap2) => <Icon size={20} aria-hidden />;
  const main: Item[] = [];
  const documents: Item[] = [];
  const reference: Item[] = [];
  const admin: Item[] = [];

  if (me.role === "agency") {
    main.push({
      key: "counties",
      label: t("nav.counties"),
      icon: icon(IconMap2),
      to: "/",
      match: (p) => p === "/" || p.startsWith("/lan/") || p.startsWith("/kommun/"),
    });
  }
  if (me.role === "county" && me.county) {
    const code = me.county;
    const countyPath = `/lan/${code}`;
    main.push({
      key: "municipalities",
      label: t("nav.municipalities"),
      icon: icon(IconBuildingCommunity),
      to: "/lan/$code",
      code,
      match: (p) =>
        p === countyPath || p.startsWith("/kommun/") || (p.startsWith("/lan/") && !p.startsWith(countyPath)),
    });
    const countyPage = (key: string, label: string, Icon: typeof IconMap2, to: CodeTo, show: boolean) => {
      if (!show) return;
      const path = to.replace("/lan/$code", countyPath);
      documents.push({ key, label, icon: icon(Icon), to, code, match: (p) => p === path });
    };
    countyPage("matrix", t("nav.documentOverview"), IconTable, "/lan/$code/dokument", can(me, "documents.matrix"));
    countyPage(
      "yearTwo",
      t("nav.yearTwo"),
      IconCalendarDue,
      "/lan/$code/uppfoljning-ar-2",
      can(me, "documents.yearTwo"),
    );
    countyPage(
      "awaiting",
      t("nav.awaitingFeedback"),
      IconMailFast,
      "/lan/$code/aterkoppling",
      can(me, "feedback.awaiting"),
    );
    countyPage("search", t("nav.documentSearch"), IconSearch, "/lan/$code/sok", can(me, "documents.search"));
  }
  if (me.role === "municipality" && me.municipality) {
    main.push({
      key: "mine",
      label: t("nav.myMunicipality"),
      icon: icon(IconBuildingCommunity),
      to: "/kommun/$code",
      code: me.municipality,
      match: (p) => p.startsWith("/kommun/"),
    });
  }

  if ((me.role === "county" || me.role === "municipality") && can(me, "watch.read")) {
    main.push({
      key: "watch",
      label: t("dialogue.watch.title"),
      icon: icon(IconCalendarDue),
      to: "/bevakning",
      match: (p) => p === "/bevakning",
    });
  }
  if (me.role === "county" && me.county && can(me, "dialogue.search")) {
    main.push({
      key: "dialogueSearch",
      label: t("dialogue.search.nav"),
      icon: icon(IconMessageSearch),
      to: "/lan/$code/sok-dialog",
      code: me.county,
      match: (p) => p === `/lan/${me.county}/sok-dialog`,
    });
  }
  if (can(me, "criteria.read")) {
    reference.push({
      key: "criteria",
      label: t("nav.criteria"),
      icon: icon(IconBook),
      to: "/kriterier",
      match: (p) => p.startsWith("/kriterier"),
    });
  }
  if (can(me, "oslGrounds.write")) {
    reference.push({
      key: "osl",
      label: t("nav.oslGrounds"),
      icon: icon(IconGavel),
      to: "/osl-grunder",
      match: (p) => p.startsWith("/osl-grunder"),
    });
  }
  if (me.role === "agency" && can(me, "nationalRules.read")) {
    reference.push({
      key: "nationalRules",
      label: t("nationalRules.nav"),
      icon: icon(IconScale),
      to: "/nationella-regler",
      match: (p) => p.startsWith("/nationella-regler"),
    });
  }
  if (me.role === "agency" || me.role === "admin") {
    reference.push({
      key: "agreements",
      label: t("nav.agreements"),
      icon: icon(IconFileCertificate),
      to: "/overenskommelser",
      match: (p) => p.startsWith("/overenskommelser"),
    });
  }

  if (can(me, "users.manage")) {
    admin.push({
      key: "users",
      label: t("nav.users"),
      icon: icon(IconUsers),
      to: "/anvandare",
      match: (p) => p.startsWith("/anvandare"),
    });
  }
  // Managers see everyone's clearances (their own included); county and municipal users see their own.
  if (can(me, "clearances.read") || me.role === "county" || me.role === "municipality") {
    admin.push({
      key: "clearances",
      label: can(me, "clearances.read") ? t("nav.clearances") : t("nav.myClearances"),
      icon: icon(IconKey),
      to: "/behorigheter",
      match: (p) => p.startsWith("/behorigheter"),
    });
  }
  if (can(me, "audit.read")) {
    admin.push({
      key: "audit",
      label: t("nav.audit"),
      icon: icon(IconHistory),
      to: "/logg",
      match: (p) => p.startsWith("/logg"),
    });
  }
  if (can(me, "outbox.read")) {
    admin.push({
      key: "outbox",
      label: t("watchAdmin.outbox.title"),
      icon: icon(IconMail),
      to: "/utgaende-post",
      match: (p) => p.startsWith("/utgaende-post"),
    });
  }
  if (can(me, "apiDocs.read")) {
    admin.push({ key: "api", label: t("nav.apiDocs"), icon: icon(IconApi), href: "/api/v1/docs" });
  }

  // An admin's work is the administration part, so it comes first and unlabelled.
  if (me.role === "admin")
    return [
      { key: "admin", items: admin },
      { key: "reference", label: t("nav.groupReference"), items: reference },
    ];
  const groups: Group[] = [
    { key: "main", items: main },
    { key: "documents", label: t("nav.groupDocuments"), items: documents },
    { key: "reference", label: t("nav.groupReference"), items: reference },
    { key: "admin", label: t("nav.groupAdmin"), items: admin },
  ];
  return groups.filter((g) => g.items.length > 0);
}

function NavItem({ item, pathname, onNavigate }: { item: Item; pathname: string; onNavigate?: () => void }) {
  if ("href" in item) return <NavLink component="a" href={item.href} label={item.label} leftSection={item.icon} />;
  if ("code" in item)
    return (
      <NavLinkLink
        to={item.to}
        params={{ code: item.code }}
        label={item.label}
        leftSection={item.icon}
        active={item.match(pathname)}
        activeOptions={{ exact: true, includeSearch: false }}
        onClick={onNavigate}
      />
    );
  return (
    <NavLinkLink
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      active={item.match(pathname)}
      activeOptions={{ exact: item.to === "/", includeSearch: false }}
      onClick={onNavigate}
    />
  );
}

/** The role's menu, in labelled parts: agency, county, municipality and admin users each see their own set. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const list = { listStyle: "none", margin: 0, padding: 0 } as const;
  return (
    <nav aria-label={t("app.mainNav")}>
      {groupsFor(me, t).map((group) => {
        const labelId = `nav-group-${group.key}`;
        return (
          <Fragment key={group.key}>
            {group.label && (
              <Text id={labelId} size="xs" fw={700} tt="uppercase" c="dark.5" px="sm" pt="md" pb={4}>
                {group.label}
              </Text>
            )}
            <ul style={list} aria-labelledby={group.label ? labelId : undefined}>
              {group.items.map((item) => (
                <li key={item.key}>
                  <NavItem item={item} pathname={pathname} onNavigate={onNavigate} />
                </li>
              ))}
            </ul>
          </Fragment>
        );
      })}
    </nav>
  );
}
