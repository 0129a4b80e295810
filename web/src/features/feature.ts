import type { Icon } from "@tabler/icons-react";
import { lazyRouteComponent, type AnyRoute, type RouteComponent } from "@tanstack/react-router";
import type { FeatureDeclaration, Me, MunicipalityTabKey } from "@uppsikt/core";
import type { ComponentType } from "react";
import type { SignedInRoute } from "../routes/signedIn";
import type { Action } from "./auth/permissions";

/**
 * What a web feature brings to the app, exported from its folder's `index.tsx` and listed once in
 * `features/index.ts`. The router, the main menu, the county navigation, the municipality tabs, the strings and
 * the audit log read from that list; none of them names a feature.
 */
export interface WebFeature {
  /** The folder name, as in the glossary. */
  readonly name: string;
  /**
   * The feature's pages, as children of the signed-in route. A function of the parent so that the routes are made
   * when the router is, and a tuple so that the route tree (and with it every typed link) stays static.
   */
  readonly routes?: (parent: SignedInRoute) => readonly AnyRoute[];
  /** Entries in the main menu. */
  readonly menu?: readonly MenuEntry[];
  /** Links in the row of a county's pages (`CountyNav`). */
  readonly countyNav?: readonly CountyNavEntry[];
  /** Tabs on the municipality page. */
  readonly municipalityTabs?: readonly MunicipalityTabEntry[];
  /**
   * Strings in each language, merged into the i18next resources: `{ namespace: {...} }`. Feature modules use no
   * typed `t` themselves (labels are keys): the resources' type is made from this list, so a `t` here would be
   * circular.
   */
  readonly strings?: { readonly sv: object; readonly en: object };
  /** Core's declaration of the feature with the labels of what it declares, in each language (`labelsOf`). */
  readonly labels?: FeatureLabels;
}

export interface FeatureLabels<D extends FeatureDeclaration = FeatureDeclaration> {
  readonly declaration: D;
  readonly sv: DeclarationLabels<D>;
  readonly en: DeclarationLabels<D>;
  /** Entity types that audit events outside the declaration name (clearance scopes), labelled the same way. */
  readonly otherEntities?: { readonly sv: Record<string, string>; readonly en: Record<string, string> };
}

/** Labels of a feature's audit actions and audit entity types; one missing is a type error. Watch kinds are
 * labelled in core (`WATCH_TEXTS`), which the server's mails share. */
export interface DeclarationLabels<D extends FeatureDeclaration> {
  readonly actions: Record<D["auditActions"][number], string>;
  readonly entities: Record<D["entityTypes"][number], string>;
}

/** The parts of the main menu, in their order; the first has no heading. */
export const MENU_GROUPS = ["main", "documents", "reference", "admin", "account"] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

interface EntryBase {
  readonly key: string;
  /** Sort key within its group or row (lower first). */
  readonly order: number;
  /** What the user must be allowed to do to be offered the entry. */
  readonly permission: Action;
  /** A further condition (the role's own place, the user's own county). */
  readonly when?: (me: Me) => boolean;
}

export interface MenuEntry extends EntryBase {
  readonly group: MenuGroup;
  /** A different group for those not allowed more (a coordinator's own clearances are not administration). */
  readonly altGroup?: { readonly unless: Action; readonly group: MenuGroup };
  /** Admins see their administration part first; other roles the main part. */
  readonly adminOrder?: number;
  readonly icon: Icon;
  /** The i18n key of its label (keys are checked against the strings in `MainNav.tsx`). */
  readonly label: string;
  /** A different label for those allowed more (a manager's "Behörigheter" against "Mina behörigheter"). */
  readonly altLabel?: { readonly permission: Action; readonly label: string };
  /**
   * Where it goes: a route path of the app (checked against the route tree in `router.tsx`), with the `$code`
   * the user's own county or municipality, or a plain `href` outside the app.
   */
  readonly to: string;
  readonly code?: (me: Me) => string | null;
  readonly href?: boolean;
  readonly match?: (pathname: string, me: Me) => boolean;
}

export interface CountyNavEntry extends EntryBase {
  /** A route path under `/lan/$code`. */
  readonly to: `/lan/$code${string}`;
  /** The i18n key of its label. */
  readonly label: string;
  /** `when` for a county page, with the county shown. */
  readonly whenCounty?: (me: Me, county: string) => boolean;
}

export interface MunicipalityTabEntry {
  readonly tab: MunicipalityTabKey;
  readonly permission: Action;
  /** The i18n key of its label. */
  readonly label: string;
  readonly component: TabComponent;
}

/** Keeps the literal types of a feature (its route tuple, its paths) while checking it against `WebFeature`. */
export const defineWebFeature = <const F extends WebFeature>(feature: F): F => feature;

/** The labels of a core feature declaration: every action, entity type and watch kind, in both languages. */
export const labelsOf = <const D extends FeatureDeclaration>(
  declaration: D,
  labels: Omit<FeatureLabels<D>, "declaration">,
): FeatureLabels<D> => ({ declaration, ...labels });

/**
 * The search validator of a page without search parameters. Give every route a `validateSearch`: a route without
 * one makes the typed `navigate({ search: (prev) => … })` of other pages lose its types.
 */
export const noSearch = (): Record<string, never> => ({});

/**
 * A page loaded when first opened. Every feature page is one (issue 10.4: only the chunks of the page shown are
 * fetched; `scripts/bench/bundle.ts` measures the first pages). Typed as a plain route component on purpose: the
 * page's own inferred type needs the route tree (its typed links), and the tree needs this route, which TypeScript
 * cannot untangle inside a feature module. An eager page would need an assertion (`as RouteComponent`) for the
 * same reason.
 */
export const lazyPage = (load: () => Promise<unknown>, exportName: string): RouteComponent =>
  lazyRouteComponent(load as () => Promise<Record<string, RouteComponent>>, exportName) as RouteComponent;

export type TabComponent = ComponentType<{ code: string }>;
