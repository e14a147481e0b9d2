import {
  Box,
  Button,
  Center,
  Container,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { IconCheck, IconGlobe } from "../components/icons";
import { type AppLanguage, LANGUAGES, setLanguage } from "../i18n";

/** The word mark: a speech bubble with a rising line, and the name in lower case. */
export function Logo({ size = 28, withName = true }: { size?: number; withName?: boolean }) {
  return (
    <Group gap={10} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="9" fill="var(--mantine-color-fjord-8)" />
        <path
          d="M9 21.5l4.5-5 3.5 3 6-7.5"
          fill="none"
          stroke="#fff"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="23" cy="12" r="2" fill="#9be2d6" />
      </svg>
      {withName ? (
        <Text fw={750} fz={size * 0.72} c="fjord.9" style={{ letterSpacing: -0.3 }} lh={1}>
          anbefal
        </Text>
      ) : null}
    </Group>
  );
}

const LANGUAGE_NAMES: Record<AppLanguage, string> = { da: "Dansk", en: "English" };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (i18n.language === "en" ? "en" : "da") as AppLanguage;
  return (
    <Menu position="bottom-end" withArrow shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<IconGlobe />}
          aria-label={t("shell.language", { language: LANGUAGE_NAMES[current] })}
          data-testid="language-switch"
        >
          <Box component="span" visibleFrom="xs">
            {LANGUAGE_NAMES[current]}
          </Box>
          <Box component="span" hiddenFrom="xs">
            {current.toUpperCase()}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => setLanguage(language)}
            rightSection={language === current ? <IconCheck size={16} /> : null}
            aria-current={language === current ? "true" : undefined}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame for pages without a session: setup, login, accepting an invitation. */
export function AuthLayout({
  title,
  subtitle,
  children,
  width = 440,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  useDocumentTitle(`${title} · anbefal`);
  return (
    <Box mih="100vh" style={{ background: "linear-gradient(180deg, #e9f3f3 0%, #f4f6f6 55%)" }}>
      <Group component="header" justify="space-between" px={{ base: "md", sm: "xl" }} py="md">
        <UnstyledButton component={Link} to="/" aria-label="anbefal">
          <Logo />
        </UnstyledButton>
        <LanguageSwitch />
      </Group>
      <Container size={width} px="md" pb="xl">
        <Center mt={{ base: "md", sm: 48 }}>
          <Paper w="100%" p={{ base: "lg", sm: 32 }} shadow="sm" withBorder component="main">
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} fz={{ base: 24, sm: 26 }}>
                  {title}
                </Title>
                {subtitle ? <Text c="dimmed">{subtitle}</Text> : null}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Center>
      </Container>
    </Box>
  );
}
