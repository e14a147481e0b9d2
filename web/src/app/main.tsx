import "@mantine/core/styles.css";
import "./app.css";
import "./i18n";
import { MantineProvider } from "@mantine/core";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, setUnauthorizedHandler } from "./api/client";
import { createAppRouter } from "./router";
import { cssVariablesResolver, theme } from "./theme";

const PUBLIC_PATHS = ["/login", "/setup", "/invite/"];

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      // Client errors will not heal by retrying; network and server hiccups might.
      retry: (failureCount, error) =>
        failureCount < 2 &&
        !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

const router = createAppRouter(queryClient);

// A session that expires mid-use: forget who we were and go to login, then come back here.
setUnauthorizedHandler(() => {
  const { pathname, search } = window.location;
  if (PUBLIC_PATHS.some((path) => pathname.startsWith(path))) return;
  queryClient.removeQueries({ queryKey: ["me"] });
  void router.navigate({ to: "/login", search: { redirect: `${pathname}${search}` } });
});

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
