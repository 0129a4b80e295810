import type { QueryClient } from "@tanstack/react-query";
import { createRoute, createRouter, lazyRouteComponent, redirect, type AnyRoute } from "@tanstack/react-router";
import { meQuery } from "./api/queries";
import { LoadingState } from "./components/LoadingState";
import { WEB_FEATURES } from "./features";
import { parseLoginSearch } from "./routeSearch";
import { rootRoute, signedInRoute } from "./routes/signedIn";

export type { RouterContext } from "./routes/signedIn";

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/logga-in",
  validateSearch: parseLoginSearch,
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: "/" });
    return { redirectTo: search.redirect };
  },
  component: lazyRouteComponent(() => import("./features/auth/LoginPage"), "LoginPage"),
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
  component: lazyRouteComponent(() => import("./features/start/StartPage"), "StartPage"),
});

/** Every feature's pages under the signed-in route; the tuple types keep the tree (and every link) typed. */
type Feature = (typeof WEB_FEATURES)[number];
type RoutesOf<F> = F extends { routes: (parent: never) => infer R extends readonly AnyRoute[] } ? R : readonly [];
/** The features' route tuples joined into one tuple, in the list's order: the tree keeps each route's own type. */
type JoinRoutes<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest]
  ? [...RoutesOf<Head>, ...JoinRoutes<Rest>]
  : [];
type FeatureRoute = JoinRoutes<typeof WEB_FEATURES>[number];
const featureRoutes = WEB_FEATURES.flatMap((feature): readonly AnyRoute[] =>
  "routes" in feature ? feature.routes(signedInRoute) : [],
) as unknown as JoinRoutes<typeof WEB_FEATURES>;

const routeTree = rootRoute.addChildren([
  loginRoute,
  accessibilityRoute,
  signedInRoute.addChildren([startRoute, ...featureRoutes]),
]);

/** Menu and county-navigation entries point at pages that exist: a wrong path is a type error here. */
type AppPath = FeatureRoute["fullPath"] | typeof startRoute.fullPath;
type EntryPaths<F> = F extends { menu: readonly (infer M)[] }
  ? M extends { to: infer P; href?: undefined }
    ? P
    : never
  : never;
type CountyNavPaths<F> = F extends { countyNav: readonly (infer C)[] }
  ? C extends { to: infer P }
    ? P
    : never
  : never;
type UnknownPaths = Exclude<EntryPaths<Feature> | CountyNavPaths<Feature>, AppPath>;
export const entriesPointAtPages: [UnknownPaths] extends [never] ? true : { unknownPaths: UnknownPaths } = true;

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Data comes from TanStack Query; the router should not cache loader results itself.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultPendingMinMs: 0,
    // Shown (as a status, "Hämtar uppgifter …") when a page's chunk takes longer than a second to arrive.
    defaultPendingComponent: LoadingState,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
