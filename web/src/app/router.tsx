/**
 * Code-based routes. Public pages (setup, login, invitation) sit directly under the root;
 * everything else sits under the pathless `_app` layout, which requires a session.
 * Pages are loaded lazily so the entry stays small (ECharts only arrives with analytics).
 */
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { ApiError } from "./api/client";
import { meQuery, setupQuery } from "./api/queries";
import { parseAnalyticsSearch } from "./features/analytics/search";
import { NotFound, RouteError, RoutePending } from "./shell/route-states";

export type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context, location }) => {
    const setup = await context.queryClient.ensureQueryData(setupQuery);
    if (setup.needsSetup && location.pathname !== "/setup") throw redirect({ to: "/setup" });
  },
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.ensureQueryData(setupQuery);
    if (!setup.needsSetup) throw redirect({ to: "/" });
  },
  component: lazyRouteComponent(() => import("./features/setup/setup-page"), "SetupPage"),
});

export type LoginSearch = { redirect?: string };

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    // Only same-site paths: an open redirect after login is a phishing tool.
    redirect:
      typeof search.redirect === "string" &&
      search.redirect.startsWith("/") &&
      !search.redirect.startsWith("//")
        ? search.redirect
        : undefined,
  }),
  component: lazyRouteComponent(() => import("./features/auth/login-page"), "LoginPage"),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  component: lazyRouteComponent(() => import("./features/auth/invite-page"), "InvitePage"),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQuery);
      return { me };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: "/login", search: { redirect: location.href } });
      }
      throw error;
    }
  },
  component: lazyRouteComponent(() => import("./shell/app-layout"), "AppLayout"),
});

const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./features/overview/overview-page"), "OverviewPage"),
});

const surveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/surveys",
  component: lazyRouteComponent(() => import("./features/surveys/surveys-page"), "SurveysPage"),
});

const surveyNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/surveys/new",
  component: lazyRouteComponent(
    () => import("./features/surveys/survey-create-page"),
    "SurveyCreatePage",
  ),
});

const surveyDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/surveys/$surveyId",
  component: lazyRouteComponent(
    () => import("./features/surveys/survey-detail-page"),
    "SurveyDetailPage",
  ),
});

const analyticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/analytics",
  validateSearch: parseAnalyticsSearch,
  component: lazyRouteComponent(
    () => import("./features/analytics/analytics-page"),
    "AnalyticsPage",
  ),
});

const wallsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/walls",
  component: lazyRouteComponent(() => import("./features/walls/walls-page"), "WallsPage"),
});

export const SETTINGS_TABS = ["teams", "touchpoints", "employees", "users", "tokens"] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  validateSearch: (search: Record<string, unknown>): { tab?: SettingsTab } => ({
    tab: SETTINGS_TABS.includes(search.tab as SettingsTab)
      ? (search.tab as SettingsTab)
      : undefined,
  }),
  component: lazyRouteComponent(() => import("./features/settings/settings-page"), "SettingsPage"),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  inviteRoute,
  appRoute.addChildren([
    overviewRoute,
    surveysRoute,
    surveyNewRoute,
    surveyDetailRoute,
    analyticsRoute,
    wallsRoute,
    settingsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPendingComponent: RoutePending,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
