import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import { ErrorAlert } from "../../components/feedback";
import { AuthLayout } from "../../shell/brand";

const route = getRouteApi("/login");

export function LoginPage(): ReactElement {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const login = useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api("/api/auth/sign-in/email", { method: "POST", body: input, redirectOn401: false }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ["me"] });
      if (redirect) await navigate({ href: redirect });
      else await navigate({ to: "/" });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  }

  // better-auth answers wrong credentials with 401: say so plainly, not "unauthorised".
  const wrongCredentials =
    login.error instanceof ApiError && (login.error.status === 401 || login.error.status === 400)
      ? new ApiError(401, "invalid_credentials", t("login.invalid"))
      : login.error;

  return (
    <AuthLayout title={t("login.title")} subtitle={t("login.subtitle")}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={wrongCredentials} />
          <TextInput
            label={t("login.email")}
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t("login.password")}
            required
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" size="md" loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
