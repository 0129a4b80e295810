import { NavLink, Text } from "@mantine/core";
import { useLocation } from "@tanstack/react-router";
import type { Me } from "@uppsikt/core";
import type { ParseKeys, TFunction } from "i18next";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { WEB_FEATURES } from "../features";
import { can } from "../features/auth/permissions";
import { useMe } from "../features/auth/useSession";
import { MENU_GROUPS, type MenuEntry, type MenuGroup } from "../features/feature";
import { NavLinkLink } from "./links";

type Feature = (typeof WEB_FEATURES)[number];
type LabelKeys<F> = F extends { menu: readonly (infer M)[] }
  ? M extends { label: infer L; altLabel?: infer A }
    ? L | (A extends { label: infer K } ? K : never)
    : never
  : F extends { countyNav: readonly (infer C)[] }
    ? C extends { label: infer L }
      ? L
      : never
    : never;
type MissingKeys = Exclude<LabelKeys<Feature>, ParseKeys>;
/** Every menu and county-navigation label is a key of the strings: one missing is a type error here. */
export const menuLabelsExist: [MissingKeys] extends [never] ? true : { missing: MissingKeys } = true;

// Read on first render, not at import: feature modules import this file while the feature list is being built.
let cachedENTRIES: readonly MenuEntry[] | undefined;
const allENTRIES = (): readonly MenuEntry[] =>
  (cachedENTRIES ??= WEB_FEATURES.flatMap((f): readonly MenuEntry[] => ("menu" in f ? f.menu : [])));

/** A labelled part of the menu; the first part of each role has no label. */
interface Group {
  key: MenuGroup;
  label?: string;
  entries: MenuEntry[];
}

const offered = (me: Me) => (entry: MenuEntry) =>
  can(me, entry.permission) && (entry.when?.(me) ?? true) && (entry.code ? entry.code(me) !== null : true);

function groupsFor(me: Me, t: TFunction): Group[] {
  const entries = allENTRIES().filter(offered(me));
  const labels: Record<MenuGroup, string | undefined> = {
    main: undefined,
    documents: t("nav.groupDocuments"),
    reference: t("nav.groupReference"),
    admin: t("nav.groupAdmin"),
    account: t("nav.groupAccount"),
  };
  // An admin's work is the administration part, so it comes first and unlabelled.
  const order: readonly MenuGroup[] = me.role === "admin" ? ["admin", "reference", "account"] : MENU_GROUPS;
  const groupOf = (e: MenuEntry) => (e.altGroup && !can(me, e.altGroup.unless) ? e.altGroup.group : e.group);
  return order
    .map((key, index) => ({
      key,
      label: index === 0 ? undefined : labels[key],
      entries: entries.filter((e) => groupOf(e) === key).sort((a, b) => a.order - b.order),
    }))
    .filter((g) => g.entries.length > 0);
}

function NavItem({
  entry,
  me,
  pathname,
  onNavigate,
}: {
  entry: MenuEntry;
  me: Me;
  pathname: string;
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const key = entry.altLabel && can(me, entry.altLabel.permission) ? entry.altLabel.label : entry.label;
  // The keys are checked against the strings below (`menuLabelsExist`).
  const label = t(key as "nav.users");
  const icon = <entry.icon size={20} aria-hidden />;
  if (entry.href) return <NavLink component="a" href={entry.to} label={label} leftSection={icon} />;
  const code = entry.code?.(me);
  // The paths are checked against the route tree in router.tsx (`entriesPointAtPages`).
  const to = entry.to as "/lan/$code";
  return (
    <NavLinkLink
      to={to}
      params={code ? { code } : (undefined as never)}
      label={label}
      leftSection={icon}
      active={entry.match?.(pathname, me) ?? pathname === entry.to}
      activeOptions={{ exact: code ? true : entry.to === "/", includeSearch: false }}
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
              {group.entries.map((entry) => (
                <li key={entry.key}>
                  <NavItem entry={entry} me={me} pathname={pathname} onNavigate={onNavigate} />
                </li>
              ))}
            </ul>
          </Fragment>
        );
      })}
    </nav>
  );
}
