import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Loading, useErrorMessage } from "../components/feedback";
import { ButtonLink } from "../components/links";

export function RoutePending() {
  return <Loading />;
}

export function RouteError({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const router = useRouter();
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={480} role="alert">
        <Title order={1} fz={24}>
          {t("errors.pageTitle")}
        </Title>
        <Text c="dimmed" ta="center">
          {message(error)}
        </Text>
        <Button onClick={() => void router.invalidate()}>{t("common.retry")}</Button>
      </Stack>
    </Center>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1} fz={24}>
          {t("errors.notFoundTitle")}
        </Title>
        <Text c="dimmed">{t("errors.notFound")}</Text>
        <ButtonLink to="/">{t("errors.goHome")}</ButtonLink>
      </Stack>
    </Center>
  );
}
