import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { type ReactElement, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useMe } from "../api/queries";
import {
  IconChart,
  IconHome,
  IconLogout,
  IconSettings,
  IconSurvey,
  IconTv,
} from "../components/icons";
import { LanguageSwitch, Logo } from "./brand";

/** `managers`: only managers and admins see the item (the page is theirs to run). */
const NAV = [
  { to: "/", key: "overview", icon: IconHome, exact: true, managers: false },
  { to: "/surveys", key: "surveys", icon: IconSurvey, exact: false, managers: false },
  { to: "/analytics", key: "analytics", icon: IconChart, exact: false, managers: false },
  { to: "/walls", key: "walls", icon: IconTv, exact: false, managers: true },
  { to: "/settings", key: "settings", icon: IconSettings, exact: false, managers: false },
] as const;

function canManage(role: string | undefined): boolean {
  return role === "admin" || role === "manager";
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

export function AppLayout(): ReactElement {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { data: me } = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  // On a phone the navbar covers the page: close it once the user has picked a page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => close(), [pathname, close]);

  async function logout() {
    try {
      await api("/api/auth/sign-out", { method: "POST", body: {}, redirectOn401: false });
    } catch {
      // Already signed out or offline: either way, leave.
    }
    queryClient.clear();
    await navigate({ to: "/login", search: { redirect: undefined } });
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "md", sm: "lg", lg: "xl" }}
    >
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: "sm", sm: "lg" }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("shell.closeMenu") : t("shell.openMenu")}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <UnstyledButton component={Link} to="/" aria-label={t("shell.home")}>
              <Logo size={26} />
            </UnstyledButton>
            {me ? (
              <Text
                c="dimmed"
                size="sm"
                visibleFrom="xs"
                truncate
                pl="sm"
                data-testid="organisation-name"
                style={{ borderLeft: "1px solid var(--mantine-color-gray-3)", minWidth: 0 }}
              >
                {me.organisation.name}
              </Text>
            ) : null}
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitch />
            {me ? (
              <Menu position="bottom-end" withArrow shadow="md" width={240}>
                <Menu.Target>
                  <UnstyledButton
                    aria-label={t("shell.userMenu", { name: me.user.name })}
                    data-testid="user-menu"
                    p={4}
                    style={{ borderRadius: 999 }}
                  >
                    <Group gap={8} wrap="nowrap">
                      <Avatar color="fjord" radius="xl" size={34}>
                        {initials(me.user.name)}
                      </Avatar>
                      <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
                        {me.user.name}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Box px="sm" py={6}>
                    <Text size="sm" fw={600} truncate>
                      {me.user.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {me.user.email}
                    </Text>
                    <Text size="xs" c="dimmed" hiddenFrom="xs" truncate>
                      {me.organisation.name}
                    </Text>
                    <Text size="xs" c="fjord.8" mt={2}>
                      {t(`roles.${me.role}`)}
                    </Text>
                  </Box>
                  <Menu.Divider />
                  <Menu.Item leftSection={<IconLogout />} onClick={() => void logout()}>
                    {t("shell.logout")}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="app-navbar" aria-label={t("shell.navigation")}>
        <Stack gap={4}>
          {NAV.filter((item) => !item.managers || canManage(me?.role)).map((item) => {
            const active = item.exact
              ? pathname === item.to
              : pathname === item.to || pathname.startsWith(`${item.to}/`);
            const Icon = item.icon;
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(`nav.${item.key}`)}
                leftSection={<Icon size={20} />}
                active={active}
                aria-current={active ? "page" : undefined}
                variant="light"
                styles={{ root: { borderRadius: 10 }, label: { fontSize: 15, fontWeight: 500 } }}
                py={10}
              />
            );
          })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: "none" }}>
        <Box maw={1240} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
