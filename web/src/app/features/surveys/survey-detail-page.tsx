import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Image,
  Modal,
  NumberInput,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, type ReactElement, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { absoluteUrl, withQuery } from "../../api/client";
import { useLookups } from "../../api/lookups";
import { surveyQuery, useCreateInvitations, useUpdateSurvey } from "../../api/queries";
import { CHANNELS, type Survey } from "../../api/types";
import { CopyField, CopyIconButton, CopyTextButton } from "../../components/copy";
import { ErrorAlert, Loading, PageHeader } from "../../components/feedback";
import { IconArrowLeft, IconChart, IconDownload, IconExternal } from "../../components/icons";
import { AnchorLink, ButtonLink } from "../../components/links";
import { useFormat } from "../../format";
import { SurveyForm } from "./survey-form";

const route = getRouteApi("/_app/surveys/$surveyId");

type LinkTarget = { team: string | null; touchpoint: string | null; employee: string | null };

export function SurveyDetailPage(): ReactElement {
  const { t } = useTranslation();
  const f = useFormat();
  const { surveyId } = route.useParams();
  const survey = useQuery(surveyQuery(surveyId));
  const [editing, edit] = useDisclosure(false);
  const update = useUpdateSurvey(surveyId);

  if (survey.isPending) return <Loading />;
  if (survey.isError) {
    return (
      <>
        <BackLink />
        <ErrorAlert error={survey.error} />
      </>
    );
  }
  const data = survey.data;

  return (
    <>
      <BackLink />
      <PageHeader
        title={data.name}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color="gray" tt="none" component="span">
              {t(`languages.${data.language}`)}
            </Badge>
            <Text span size="sm" c="dimmed">
              {t("nps.n", {
                count: data.responseCount ?? 0,
                formatted: f.int(data.responseCount ?? 0),
              })}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button variant="default" onClick={edit.open}>
              {t("survey.edit")}
            </Button>
            <ButtonLink to="/analytics" search={{ surveyId: data.id }} leftSection={<IconChart />}>
              {t("survey.openAnalytics")}
            </ButtonLink>
          </>
        }
      />

      <Stack gap="lg">
        <ShareCard survey={data} />
        <LinkBuilder survey={data} />
      </Stack>

      <Modal
        opened={editing}
        onClose={edit.close}
        title={t("survey.editTitle")}
        size="xl"
        fullScreen={false}
      >
        <SurveyForm
          initial={data}
          submitLabel={t("common.save")}
          pending={update.isPending}
          error={update.error}
          onCancel={edit.close}
          onSubmit={(input) => update.mutate(input, { onSuccess: edit.close })}
        />
      </Modal>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink
      to="/surveys"
      size="sm"
      mb="xs"
      display="inline-flex"
      style={{ gap: 6, alignItems: "center" }}
    >
      <IconArrowLeft size={16} />
      {t("surveys.backToList")}
    </AnchorLink>
  );
}

function ShareCard({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const publicUrl = absoluteUrl(survey.publicUrl);
  const kioskUrl = absoluteUrl(survey.kioskUrl);
  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t("survey.shareTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("survey.shareHint")}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap={6}>
            <CopyField
              label={t("survey.publicLink")}
              description={t("survey.publicLinkHint")}
              value={publicUrl}
              testId="public-link"
            />
            <Anchor href={publicUrl} target="_blank" rel="noopener" size="sm">
              <Group gap={4} component="span">
                {t("survey.openLink")}
                <IconExternal size={14} />
              </Group>
            </Anchor>
          </Stack>
          <Stack gap={6}>
            <CopyField
              label={t("survey.kioskLink")}
              description={t("survey.kioskLinkHint")}
              value={kioskUrl}
              testId="kiosk-link"
            />
            <Anchor href={kioskUrl} target="_blank" rel="noopener" size="sm">
              <Group gap={4} component="span">
                {t("survey.openKiosk")}
                <IconExternal size={14} />
              </Group>
            </Anchor>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** Adds team / touchpoint / employee / channel to the link so answers arrive tagged. */
function LinkBuilder({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const { teams, touchpoints, employees } = useLookups();
  const [target, setTarget] = useState<LinkTarget>({
    team: null,
    touchpoint: null,
    employee: null,
  });
  const [channel, setChannel] = useState<string | null>(null);

  const builtUrl = useMemo(
    () => buildLink(survey.publicUrl, { ...target, channel }),
    [survey.publicUrl, target, channel],
  );
  // A printed QR code should count as the QR channel unless the user chose otherwise.
  const qrUrl = useMemo(
    () => buildLink(survey.publicUrl, { ...target, channel: channel ?? "qr" }),
    [survey.publicUrl, target, channel],
  );
  const qrSvg = withQuery("/api/v1/qr", { text: qrUrl, format: "svg" });
  const qrPng = withQuery("/api/v1/qr", { text: qrUrl, format: "png" });
  const fileBase = `anbefal-${slugify(survey.name)}`;

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t("survey.builderTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("survey.builderHint")}
          </Text>
        </div>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Select
                  label={t("filters.team")}
                  placeholder={t("filters.any")}
                  data={teams}
                  value={target.team}
                  onChange={(team) => setTarget((current) => ({ ...current, team }))}
                  clearable
                  searchable
                  nothingFoundMessage={t("filters.nothingFound")}
                />
                <Select
                  label={t("filters.touchpoint")}
                  placeholder={t("filters.any")}
                  data={touchpoints}
                  value={target.touchpoint}
                  onChange={(touchpoint) => setTarget((current) => ({ ...current, touchpoint }))}
                  clearable
                  searchable
                  nothingFoundMessage={t("filters.nothingFound")}
                />
                <Select
                  label={t("filters.employee")}
                  placeholder={t("filters.any")}
                  data={employees}
                  value={target.employee}
                  onChange={(employee) => setTarget((current) => ({ ...current, employee }))}
                  clearable
                  searchable
                  nothingFoundMessage={t("filters.nothingFound")}
                />
                <Select
                  label={t("filters.channel")}
                  placeholder={t("filters.any")}
                  data={CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
                  value={channel}
                  onChange={setChannel}
                  clearable
                />
              </SimpleGrid>
              <CopyField label={t("survey.builtLink")} value={builtUrl} testId="built-link" />
              {teams.length === 0 && touchpoints.length === 0 && employees.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("survey.builderEmpty")}{" "}
                  <AnchorLink to="/settings" size="sm">
                    {t("nav.settings")}
                  </AnchorLink>
                </Text>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm" align="center">
              <Box
                p="sm"
                bg="white"
                style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 16 }}
              >
                <Image
                  src={qrSvg}
                  alt={t("survey.qrAlt", { url: qrUrl })}
                  w={188}
                  h={188}
                  fit="contain"
                />
              </Box>
              <Text size="xs" c="dimmed" ta="center" maw={300}>
                {channel ? t("survey.qrSameLink") : t("survey.qrChannelNote")}
              </Text>
              <Group gap="xs" justify="center">
                <Button
                  component="a"
                  href={qrSvg}
                  download={`${fileBase}.svg`}
                  variant="light"
                  leftSection={<IconDownload />}
                >
                  {t("survey.downloadSvg")}
                </Button>
                <Button
                  component="a"
                  href={qrPng}
                  download={`${fileBase}.png`}
                  variant="light"
                  leftSection={<IconDownload />}
                >
                  {t("survey.downloadPng")}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
        </Grid>
        <Invitations surveyId={survey.id} target={target} />
      </Stack>
    </Card>
  );
}

/** Single-use links: each can answer once (a second submit edits the first answer). */
function Invitations({ surveyId, target }: { surveyId: string; target: LinkTarget }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [count, setCount] = useState<number | string>(10);
  const create = useCreateInvitations(surveyId);
  const urls = useMemo(
    () => create.data?.items.map((item) => absoluteUrl(item.url)) ?? [],
    [create.data],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = typeof count === "number" ? count : Number.parseInt(count, 10);
    if (!Number.isInteger(n) || n < 1 || n > 500) return;
    create.mutate({
      count: n,
      team: target.team ?? undefined,
      touchpoint: target.touchpoint ?? undefined,
      employee: target.employee ?? undefined,
    });
  }

  return (
    <Box pt="md" style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md">
            {t("survey.invitationsTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("survey.invitationsHint")}
          </Text>
        </div>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t("survey.invitationCount")}
              min={1}
              max={500}
              clampBehavior="strict"
              allowDecimal={false}
              value={count}
              onChange={setCount}
              w={160}
            />
            <Button type="submit" loading={create.isPending}>
              {t("survey.generate")}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={create.error} />
        {urls.length > 0 ? (
          <Stack gap="xs" data-testid="invitation-list">
            <Group justify="space-between">
              <Text size="sm" fw={600} aria-live="polite">
                {t("survey.invitationsCreated", {
                  count: urls.length,
                  formatted: f.int(urls.length),
                })}
              </Text>
              <CopyTextButton value={urls.join("\n")}>{t("survey.copyAll")}</CopyTextButton>
            </Group>
            <ScrollArea.Autosize mah={280} type="auto">
              <Stack
                component="ol"
                gap={2}
                m={0}
                p={0}
                style={{ listStyle: "none", fontFamily: "ui-monospace, monospace", fontSize: 13 }}
              >
                {urls.map((url, index) => (
                  <Group key={url} component="li" justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" ff="monospace" truncate="end" style={{ minWidth: 0 }}>
                      {url}
                    </Text>
                    <CopyIconButton value={url} label={t("survey.invitationN", { n: index + 1 })} />
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}

function buildLink(publicUrl: string, parts: LinkTarget & { channel: string | null }): string {
  const url = new URL(absoluteUrl(publicUrl));
  for (const key of ["team", "touchpoint", "employee", "channel"] as const) {
    const value = parts[key];
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return url.toString();
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "oe")
      .replace(/å/g, "aa")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "survey"
  );
}
