import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/charts/styles.css";
import "dayjs/locale/sv";
import "dayjs/locale/en-gb";
import "./styles.css";
import "./i18n";

import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { isApiError, setUnauthenticatedHandler } from "./api/client";
import { meQuery } from "./api/queries";
import { AppDatesProvider } from "./components/AppDatesProvider";
import { MAIN_ID } from "./components/SkipLink";
import { createAppRouter } from "./router";
import { cssVariablesResolver, theme } from "./theme";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not get better by asking again.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

const router = createAppRouter(queryClient);

// A 401 anywhere means the session is gone: back to the login page, then back here after signing in.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(meQuery.queryKey, null);
  const here = router.state.location;
  if (here.pathname === "/logga-in") return;
  void router.navigate({ to: "/logga-in", search: { redirect: here.href, expired: true } });
});

// After moving to another page, put focus on its heading so that screen readers start there.
router.subscribe("onResolved", ({ fromLocation, toLocation }) => {
  // Only a new page moves focus; sorting, filtering or a new period (search params) do not.
  if (!fromLocation || fromLocation.pathname === toLocation.pathname) return;
  window.setTimeout(() => {
    const main = document.getElementById(MAIN_ID);
    const target = main?.querySelector<HTMLElement>("h1") ?? main;
    target?.focus({ preventScroll: true });
  }, 50);
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" limit={3} />
      <AppDatesProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AppDatesProvider>
    </MantineProvider>
  </StrictMode>,
);
