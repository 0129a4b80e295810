import type { QueryClient } from "@tanstack/react-query";
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from "@tanstack/react-router";
import type { Me } from "@uppsikt/core";
import { configQuery, meQuery } from "./api/queries";
import { AppLayout } from "./components/AppLayout";
import { ErrorState } from "./components/ErrorState";
import { NotFoundPage } from "./components/NotFoundPage";
import { PublicLayout } from "./components/PublicLayout";
import { SkipLink } from "./components/SkipLink";
import { LoginPage } from "./features/auth/LoginPage";
import { CountyPage } from "./features/municipalities/CountyPage";
import { MunicipalityPage } from "./features/municipalities/MunicipalityPage";
import { StartPage } from "./features/start/StartPage";
import {
  parseAgreementsSearch,
  parseAuditSearch,
  parseAwaitingFeedbackSearch,
  parseClearancesSearch,
  parseCountySearch,
  parseCriteriaSearch,
  parseDocumentMatrixSearch,
  parseDialogueSearchSearch,
  parseDocumentSearchSearch,
  parseLoginSearch,
  parseMunicipalitySearch,
  parseUsersSearch,
  parseYearTwoSearch,
} from "./routeSearch";

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(configQuery);
  },
  component: () => (
    <>
      <SkipLink />
      <Outlet />
    </>
  ),
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error, reset }) => (
    <PublicLayout>
      <ErrorState error={error} onRetry={reset} />
    </PublicLayout>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/logga-in",
  validateSearch: parseLoginSearch,
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: "/" });
    return { redirectTo: search.redirect };
  },
  component: LoginPage,
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/tillganglighet",
  beforeLoad: async ({ context }) => {
    // Public page: only find out whether to show the signed-in shell.
    await context.queryClient.ensureQueryData(meQuery).catch(() => null);
  },
  component: lazyRouteComponent(() => import("./features/accessibility/AccessibilityPage"), "AccessibilityPage"),
});

/** Every route below needs a session; without one the visitor is sent to the login page. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }): Promise<{ me: Me }> => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/logga-in", search: { redirect: location.href } });
    return { me };
  },
  component: AppLayout,
});

/** Each role's start page: the agency's list of counties; the others are sent to their own place. */
const startRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/",
  beforeLoad: ({ context: { me } }) => {
    if (me.role === "admin") throw redirect({ to: "/anvandare", replace: true });
    if (me.role === "county" && me.county)
      throw redirect({ to: "/lan/$code", params: { code: me.county }, replace: true });
    if (me.role === "municipality" && me.municipality)
      throw redirect({ to: "/kommun/$code", params: { code: me.municipality }, replace: true });
  },
  component: StartPage,
});

const countyRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/lan/$code",
  validateSearch: parseCountySearch,
  component: CountyPage,
});

const municipalityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/kommun/$code",
  validateSearch: parseMunicipalitySearch,
  component: MunicipalityPage,
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/anvandare",
  validateSearch: parseUsersSearch,
  component: lazyRouteComponent(() => import("./features/admin/UsersPage"), "UsersPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/logg",
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import("./features/audit/AuditPage"), "AuditPage"),
});

const agreementsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/overenskommelser",
  validateSearch: parseAgreementsSearch,
  component: lazyRouteComponent(() => import("./features/reference/AgreementsPage"), "AgreementsPage"),
});

// The county-wide document pages (Dokumentöversikt, Uppföljning år 2, Väntar på återkoppling, Sök i dokument).
const documentMatrixRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/lan/$code/dokument",
  validateSearch: parseDocumentMatrixSearch,
  component: lazyRouteComponent(() => import("./features/documents/county/DocumentMatrixPage"), "DocumentMatrixPage"),
});

const yearTwoRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/lan/$code/uppfoljning-ar-2",
  validateSearch: parseYearTwoSearch,
  component: lazyRouteComponent(() => import("./features/documents/county/YearTwoPage"), "YearTwoPage"),
});

const awaitingFeedbackRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/lan/$code/aterkoppling",
  validateSearch: parseAwaitingFeedbackSearch,
  component: lazyRouteComponent(
    () => import("./features/documents/county/AwaitingFeedbackPage"),
    "AwaitingFeedbackPage",
  ),
});

const documentSearchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/lan/$code/sok",
  validateSearch: parseDocumentSearchSearch,
  component: lazyRouteComponent(() => import("./features/documents/county/DocumentSearchPage"), "DocumentSearchPage"),
});

const clearancesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/behorigheter",
  validateSearch: parseClearancesSearch,
  component: lazyRouteComponent(() => import("./features/clearances/ClearancesPage"), "ClearancesPage"),
});

const criteriaRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/kriterier",
  validateSearch: parseCriteriaSearch,
  component: lazyRouteComponent(() => import("./features/criteria/CriteriaPage"), "CriteriaPage"),
});

const oslGroundsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/osl-grunder",
  component: lazyRouteComponent(() => import("./features/criteria/OslGroundsPage"), "OslGroundsPage"),
});

const watchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/bevakning",
  component: lazyRouteComponent(() => import("./features/watch/WatchPage"), "WatchPage"),
});

const dialogueSearchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/lan/$code/sok-dialog",
  validateSearch: parseDialogueSearchSearch,
  component: lazyRouteComponent(() => import("./features/dialogue/DialogueSearchPage"), "DialogueSearchPage"),
});

const outboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/utgaende-post",
  component: lazyRouteComponent(() => import("./features/outbox/OutboxPage"), "OutboxPage"),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  accessibilityRoute,
  signedInRoute.addChildren([
    startRoute,
    countyRoute,
    documentMatrixRoute,
    yearTwoRoute,
    awaitingFeedbackRoute,
    documentSearchRoute,
    dialogueSearchRoute,
    municipalityRoute,
    usersRoute,
    auditRoute,
    agreementsRoute,
    clearancesRoute,
    criteriaRoute,
    oslGroundsRoute,
    watchRoute,
    outboxRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Data comes from TanStack Query; the router should not cache loader results itself.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultPendingMinMs: 0,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
