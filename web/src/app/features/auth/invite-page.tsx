import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import type { Role } from "../../api/types";
import { ErrorAlert, fieldError, isFormLevel, Loading } from "../../components/feedback";
import { ButtonLink } from "../../components/links";
import { AuthLayout } from "../../shell/brand";
import { MIN_PASSWORD } from "./password";

const route = getRouteApi("/invite/$token");

type Invitation = { email: string; role: Role; organisationName: string };

export function InvitePage(): ReactElement {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [touched, setTouched] = useState(false);

  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: () =>
      api<Invitation>(`/api/invitations/${encodeURIComponent(token)}`, { redirectOn401: false }),
    retry: false,
  });

  const accept = useMutation({
    mutationFn: (input: { name: string; password: string }) =>
      api(`/api/invitations/${encodeURIComponent(token)}/accept`, {
        method: "POST",
        body: input,
        redirectOn401: false,
      }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ["me"] });
      await navigate({ to: "/" });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!name.trim() || password.length < MIN_PASSWORD || password !== repeat) return;
    accept.mutate({ name: name.trim(), password });
  }

  if (invitation.isPending) {
    return (
      <AuthLayout title={t("invite.title")}>
        <Loading />
      </AuthLayout>
    );
  }

  if (invitation.isError) {
    // A malformed token (400), an unknown one (404) or a used one (410): same answer for the user.
    const gone =
      invitation.error instanceof ApiError && [400, 404, 410].includes(invitation.error.status);
    return (
      <AuthLayout title={t("invite.title")}>
        {gone ? <Text>{t("invite.notFound")}</Text> : <ErrorAlert error={invitation.error} />}
        <ButtonLink to="/login" variant="light">
          {t("invite.toLogin")}
        </ButtonLink>
      </AuthLayout>
    );
  }

  const { email, role, organisationName } = invitation.data;
  return (
    <AuthLayout
      title={t("invite.title")}
      subtitle={t("invite.subtitle", { organisation: organisationName, role: t(`roles.${role}`) })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {isFormLevel(accept.error, ["name", "password"]) ? (
            <ErrorAlert error={accept.error} />
          ) : null}
          <TextInput label={t("invite.email")} value={email} readOnly variant="filled" />
          <TextInput
            label={t("invite.name")}
            required
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={
              fieldError(accept.error, "name") ??
              (touched && !name.trim() ? t("validation.required") : undefined)
            }
          />
          <PasswordInput
            label={t("invite.password")}
            description={t("validation.passwordHint", { min: MIN_PASSWORD })}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={
              fieldError(accept.error, "password") ??
              (touched && password.length < MIN_PASSWORD
                ? t("validation.passwordTooShort", { min: MIN_PASSWORD })
                : undefined)
            }
          />
          <PasswordInput
            label={t("invite.repeatPassword")}
            required
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
            error={touched && repeat !== password ? t("validation.passwordMismatch") : undefined}
          />
          <Button type="submit" size="md" loading={accept.isPending}>
            {t("invite.submit")}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
