import type { QueryClient } from "@tanstack/react-query";
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  redirect,
  type RouteComponent,
} from "@tanstack/react-router";
import type { Me } from "@uppsikt/core";
import { configQuery, meQuery } from "../api/queries";
import { ErrorState } from "../components/ErrorState";
import { PublicLayout } from "../components/PublicLayout";
import { SkipLink } from "../components/SkipLink";

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(configQuery);
  },
  component: () => (
    <>
      <SkipLink />
      <Outlet />
    </>
  ),
  // Lazy: the 404 page may show the signed-in shell, which stays out of the login page's JavaScript. The error
  // page is not: it must show even when a chunk cannot be fetched.
  notFoundComponent: lazyRouteComponent(() => import("../components/NotFoundPage"), "NotFoundPage") as RouteComponent,
  errorComponent: ({ error, reset }) => (
    <PublicLayout>
      <ErrorState error={error} onRetry={reset} />
    </PublicLayout>
  ),
});

/**
 * The session, or off to the login page. A function of its own with a declared type: the route's type must not
 * wait for the typed `redirect`, which needs the whole route tree (the features' routes hang below this one).
 */
async function requireSession(queryClient: QueryClient, href: string): Promise<{ me: Me }> {
  const me = await queryClient.ensureQueryData(meQuery);
  if (!me) throw redirect({ to: "/logga-in", search: { redirect: href } });
  return { me };
}

/** Every route below needs a session; without one the visitor is sent to the login page. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: ({ context, location }) => requireSession(context.queryClient, location.href),
  // Typed by assertion: the layout's inferred type would need the route tree, which needs this route.
  component: lazyRouteComponent(() => import("../components/AppLayout"), "AppLayout") as RouteComponent,
});

/** The parent of every feature's pages. */
export type SignedInRoute = typeof signedInRoute;
