import { ActionIcon, Button, CopyButton, TextInput, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconCheck, IconCopy } from "./icons";

/** A read-only text field with a copy button: links, tokens, invitation URLs. */
export function CopyField({
  label,
  value,
  description,
  testId,
}: {
  label: string;
  value: string;
  description?: string;
  testId?: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      data-testid={testId}
      onFocus={(event) => event.currentTarget.select()}
      styles={{
        input: { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 13 },
      }}
      rightSectionWidth={42}
      rightSection={<CopyIconButton value={value} label={label} />}
    />
  );
}

export function CopyIconButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow position="left">
          <ActionIcon
            color={copied ? "teal" : "gray"}
            variant="subtle"
            onClick={copy}
            aria-label={`${t("common.copy")}: ${label}`}
          >
            {copied ? <IconCheck /> : <IconCopy />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

export function CopyTextButton({
  value,
  children,
  variant = "light",
}: {
  value: string;
  children: string;
  variant?: "light" | "filled" | "default" | "subtle";
}) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Button
          variant={variant}
          onClick={copy}
          leftSection={copied ? <IconCheck /> : <IconCopy />}
          color={copied ? "teal" : undefined}
          aria-live="polite"
        >
          {copied ? t("common.copied") : children}
        </Button>
      )}
    </CopyButton>
  );
}
