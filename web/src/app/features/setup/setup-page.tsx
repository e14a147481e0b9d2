import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { setupQuery } from "../../api/queries";
import { ErrorAlert, fieldError, isFormLevel } from "../../components/feedback";
import { AuthLayout } from "../../shell/brand";

import { MIN_PASSWORD } from "../auth/password";

type SetupInput = { organisationName: string; name: string; email: string; password: string };

export function SetupPage(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    organisationName: "",
    name: "",
    email: "",
    password: "",
    repeat: "",
  });
  const [touched, setTouched] = useState(false);

  const setup = useMutation({
    mutationFn: (input: SetupInput) =>
      api<{ slug: string }>("/api/setup", { method: "POST", body: input, redirectOn401: false }),
    onSuccess: async () => {
      queryClient.setQueryData(setupQuery.queryKey, { needsSetup: false });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      await navigate({ to: "/" });
    },
  });

  const passwordTooShort = form.password.length > 0 && form.password.length < MIN_PASSWORD;
  const mismatch = form.repeat.length > 0 && form.repeat !== form.password;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (form.password.length < MIN_PASSWORD || form.password !== form.repeat) return;
    setup.mutate({
      organisationName: form.organisationName.trim(),
      name: form.name.trim(),
      email: form.email.trim(),
      password: form.password,
    });
  }

  const set = (key: keyof typeof form) => (event: { currentTarget: HTMLInputElement }) => {
    // Read now: React clears currentTarget before a state updater would run.
    const { value } = event.currentTarget;
    setForm((current) => ({ ...current, [key]: value }));
  };

  return (
    <AuthLayout title={t("setup.title")} subtitle={t("setup.subtitle")} width={500}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {isFormLevel(setup.error, ["organisationName", "name", "email", "password"]) ? (
            <ErrorAlert error={setup.error} />
          ) : null}
          <TextInput
            label={t("setup.organisationName")}
            description={t("setup.organisationNameHint")}
            required
            autoComplete="organization"
            value={form.organisationName}
            onChange={set("organisationName")}
            error={
              fieldError(setup.error, "organisationName") ??
              (touched && !form.organisationName.trim() ? t("validation.required") : undefined)
            }
          />
          <TextInput
            label={t("setup.name")}
            required
            autoComplete="name"
            value={form.name}
            onChange={set("name")}
            error={
              fieldError(setup.error, "name") ??
              (touched && !form.name.trim() ? t("validation.required") : undefined)
            }
          />
          <TextInput
            label={t("setup.email")}
            type="email"
            required
            autoComplete="email"
            value={form.email}
            onChange={set("email")}
            error={
              fieldError(setup.error, "email") ??
              (touched && !form.email.trim() ? t("validation.required") : undefined)
            }
          />
          <PasswordInput
            label={t("setup.password")}
            description={t("validation.passwordHint", { min: MIN_PASSWORD })}
            required
            autoComplete="new-password"
            value={form.password}
            onChange={set("password")}
            error={
              fieldError(setup.error, "password") ??
              ((touched || passwordTooShort) && form.password.length < MIN_PASSWORD
                ? t("validation.passwordTooShort", { min: MIN_PASSWORD })
                : undefined)
            }
          />
          <PasswordInput
            label={t("setup.repeatPassword")}
            required
            autoComplete="new-password"
            value={form.repeat}
            onChange={set("repeat")}
            error={
              mismatch || (touched && form.repeat !== form.password)
                ? t("validation.passwordMismatch")
                : undefined
            }
          />
          <Button type="submit" size="md" loading={setup.isPending} mt="xs">
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
