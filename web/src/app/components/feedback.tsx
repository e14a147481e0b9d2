import { Alert, Center, EmptyState, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import i18n from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { IconInfo, IconWarning } from "./icons";

type Issue = {
  code?: string;
  origin?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
};

/**
 * The API's messages are English and meant for developers. Users read the same problem in
 * their own language: from the error's stable `reason`, or from the kind of validation
 * issue (too short, not an e-mail address...). The API's words are the last resort.
 */
export function localisedApiMessage(error: ApiError): string | undefined {
  const details = (error.details ?? {}) as { reason?: unknown; issue?: Issue };
  if (typeof details.reason === "string" && i18n.exists(`apiErrors.${details.reason}`)) {
    return i18n.t(`apiErrors.${details.reason}`);
  }
  const issue = details.issue;
  if (error.code === "invalid" && issue?.code) {
    const text = issue.origin === "string";
    switch (issue.code) {
      case "too_small":
        if (text && (issue.minimum ?? 0) <= 1) return i18n.t("validation.required");
        if (text) return i18n.t("validation.minLength", { min: issue.minimum });
        if (issue.origin === "array" || issue.origin === "set") {
          return i18n.t("validation.minItems", { min: issue.minimum });
        }
        return i18n.t("validation.min", { min: issue.minimum });
      case "too_big":
        if (text) return i18n.t("validation.maxLength", { max: issue.maximum });
        if (issue.origin === "array" || issue.origin === "set") {
          return i18n.t("validation.maxItems", { max: issue.maximum });
        }
        return i18n.t("validation.max", { max: issue.maximum });
      case "invalid_format":
        if (issue.format === "email") return i18n.t("validation.email");
        if (issue.format === "url") return i18n.t("validation.url");
        return i18n.t("validation.format");
      case "invalid_value":
        return i18n.t("validation.choice");
      default:
        return i18n.t("validation.invalid");
    }
  }
  return undefined;
}

/** A message for any error, in the user's language where we know the kind of problem. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t("errors.network");
      if (error.status === 403) return t("errors.forbidden");
      if (error.status === 429) return t("errors.rateLimited");
      if (error.status >= 500) return t("errors.server");
      const localised = localisedApiMessage(error);
      if (localised) return localised;
      if (error.message && !error.message.startsWith("http_")) return error.message;
    }
    return t("errors.generic");
  };
}

/** The message for one form field, if the API blamed that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.field !== field) return undefined;
  return localisedApiMessage(error) ?? error.message;
}

/** True when a form-level alert is needed (the error is not shown beside a field). */
export function isFormLevel(error: unknown, fields: string[]): boolean {
  return (
    Boolean(error) && !(error instanceof ApiError && error.field && fields.includes(error.field))
  );
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t("errors.title")}
      icon={<IconWarning />}
      role="alert"
    >
      {message(error)}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label ?? t("common.loading")}
        </Text>
      </Group>
    </Center>
  );
}

export function Empty({
  title,
  description,
  action,
  icon,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <EmptyState
      py="xl"
      title={title}
      description={description}
      icon={icon ?? <IconInfo size={26} />}
      variant="light"
    >
      {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  useDocumentTitle(`${title} · anbefal`);
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
