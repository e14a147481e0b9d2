import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Flex,
  Grid,
  Group,
  Image,
  Input,
  List,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { type FormEvent, type ReactElement, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { absoluteUrl, withQuery } from "../../api/client";
import { useLookups } from "../../api/lookups";
import { useCreateWall, useMe, useRevokeWall, useUpdateWall, wallsQuery } from "../../api/queries";
import type { Language, Wall, WallInput, WallTheme } from "../../api/types";
import { CopyTextButton } from "../../components/copy";
import {
  Empty,
  ErrorAlert,
  fieldError,
  isFormLevel,
  Loading,
  PageHeader,
} from "../../components/feedback";
import { IconBan, IconExternal, IconPencil, IconPlus, IconTv } from "../../components/icons";
import { useFormat } from "../../format";

const THEMES: WallTheme[] = ["dark", "light"];
const WALL_LANGUAGES: Language[] = ["da", "en"];
const GOAL_MAX = 100_000;

/**
 * Wall links for the office TV: what the wall shows, how to get it on a screen, and each
 * active link with its QR code. Managers and admins create, edit and revoke them.
 */
export function WallsPage(): ReactElement {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canManage = me?.role === "admin" || me?.role === "manager";
  const walls = useQuery(wallsQuery);
  const create = useCreateWall();
  const update = useUpdateWall();
  const revoke = useRevokeWall();
  const [creating, creatingModal] = useDisclosure(false);
  const [editing, setEditing] = useState<Wall | null>(null);
  const [revoking, setRevoking] = useState<Wall | null>(null);
  const [created, setCreated] = useState<Wall | null>(null);

  const openCreate = () => {
    create.reset();
    creatingModal.open();
  };
  const newWallButton = canManage ? (
    <Button leftSection={<IconPlus />} onClick={openCreate}>
      {t("walls.create")}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t("walls.title")}
        description={t("walls.subtitle")}
        actions={newWallButton}
      />
      <Stack gap="lg">
        <AboutCard />
        {created ? (
          <Alert
            color="teal"
            variant="light"
            title={t("walls.createdTitle", { name: created.name })}
            withCloseButton
            closeButtonLabel={t("common.close")}
            onClose={() => setCreated(null)}
            data-testid="wall-created"
          >
            {t("walls.createdHint")}
          </Alert>
        ) : null}
        <Stack component="section" gap="sm" aria-labelledby="walls-list-title">
          <Title order={2} fz="lg" id="walls-list-title">
            {t("walls.listTitle")}
          </Title>
          {!canManage ? (
            <Text size="sm" c="dimmed">
              {t("walls.managersOnly")}
            </Text>
          ) : null}
          {walls.isPending ? (
            <Loading />
          ) : walls.isError ? (
            <ErrorAlert error={walls.error} />
          ) : walls.data.items.length === 0 ? (
            <Card>
              <Empty
                title={t("walls.emptyTitle")}
                description={t("walls.emptyHint")}
                icon={<IconTv size={26} />}
                action={newWallButton}
              />
            </Card>
          ) : (
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
              {walls.data.items.map((wall) => (
                <WallCard
                  key={wall.id}
                  wall={wall}
                  canManage={canManage}
                  onEdit={() => {
                    update.reset();
                    setEditing(wall);
                  }}
                  onRevoke={() => {
                    revoke.reset();
                    setRevoking(wall);
                  }}
                />
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>

      <Modal
        opened={creating}
        onClose={creatingModal.close}
        title={t("walls.createTitle")}
        size="lg"
      >
        <WallForm
          submitLabel={t("walls.createSubmit")}
          pending={create.isPending}
          error={create.error}
          onCancel={creatingModal.close}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (wall) => {
                setCreated(wall);
                creatingModal.close();
              },
            })
          }
        />
      </Modal>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t("walls.editTitle")}
        size="lg"
      >
        {editing ? (
          <WallForm
            initial={editing}
            submitLabel={t("common.save")}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setEditing(null)}
            onSubmit={({ team: _team, touchpoint: _touchpoint, ...input }) =>
              update.mutate(
                { id: editing.id, ...input },
                {
                  onSuccess: () => {
                    setEditing(null);
                    setCreated(null);
                  },
                },
              )
            }
          />
        ) : null}
      </Modal>

      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t("walls.revokeTitle")}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t("walls.revokeBody", { name: revoking?.name ?? "" })}</Text>
          <Text size="sm" c="dimmed">
            {t("walls.revokeFinal")}
          </Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRevoking(null)} data-autofocus>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoking &&
                revoke.mutate(revoking.id, {
                  onSuccess: () => {
                    if (created?.id === revoking.id) setCreated(null);
                    setRevoking(null);
                  },
                })
              }
            >
              {t("walls.revoke")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** What the wall shows and how to put it on a TV, in plain words. */
function AboutCard() {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="walls-about-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="walls-about-title">
          {t("walls.about.title")}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="lg">
          <Stack gap={6}>
            <Title order={3} fz="sm" fw={650}>
              {t("walls.about.showsTitle")}
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>{t("walls.about.shows1")}</List.Item>
              <List.Item>{t("walls.about.shows2")}</List.Item>
              <List.Item>{t("walls.about.shows3")}</List.Item>
              <List.Item>{t("walls.about.shows4")}</List.Item>
            </List>
          </Stack>
          <Stack gap={6}>
            <Title order={3} fz="sm" fw={650}>
              {t("walls.about.tvTitle")}
            </Title>
            <List type="ordered" size="sm" spacing={4}>
              <List.Item>{t("walls.about.tv1")}</List.Item>
              <List.Item>{t("walls.about.tv2")}</List.Item>
              <List.Item>{t("walls.about.tv3")}</List.Item>
            </List>
          </Stack>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t("walls.about.secret")}
        </Text>
      </Stack>
    </Card>
  );
}

function WallCard({
  wall,
  canManage,
  onEdit,
  onRevoke,
}: {
  wall: Wall;
  canManage: boolean;
  onEdit: () => void;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const url = absoluteUrl(wall.url);
  const qr = withQuery("/api/v1/qr", { text: url, format: "svg" });
  const titleId = `wall-${wall.id}-title`;

  return (
    <Card component="li" data-testid="wall-item" aria-labelledby={titleId}>
      <Grid gap="lg" align="stretch">
        <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
          <Stack gap="sm" h="100%">
            <div>
              <Title order={3} fz="lg" id={titleId} style={{ overflowWrap: "anywhere" }}>
                {wall.name}
              </Title>
              <Text size="xs" c="dimmed">
                {t("walls.createdAt", { date: f.date(wall.createdAt) })}
              </Text>
            </div>
            <Group gap={6} wrap="wrap" data-testid="wall-settings">
              <Badge variant="light" color="fjord" c="fjord.9" tt="none" fw={500}>
                {scopeLabel(wall, t)}
              </Badge>
              <Badge
                variant="light"
                color={wall.goalPerWeek ? "teal" : "gray"}
                c={wall.goalPerWeek ? "teal.9" : "gray.8"}
                tt="none"
                fw={500}
              >
                {wall.goalPerWeek
                  ? t("walls.goalBadge", { goal: f.int(wall.goalPerWeek) })
                  : t("walls.noGoal")}
              </Badge>
              <Badge variant="light" color="gray" c="gray.8" tt="none" fw={500}>
                {t(`walls.theme.${wall.theme}`)}
              </Badge>
              <Badge variant="light" color="gray" c="gray.8" tt="none" fw={500}>
                {t(`languages.${wall.language}`)}
              </Badge>
            </Group>
            <Box>
              <Text size="xs" c="dimmed" fw={500} mb={2} id={`${titleId}-link`}>
                {t("walls.link")}
              </Text>
              <Text
                size="sm"
                ff="monospace"
                data-testid="wall-link"
                aria-labelledby={`${titleId}-link`}
                style={{ overflowWrap: "anywhere" }}
              >
                {url}
              </Text>
            </Box>
            <Group gap="xs" wrap="wrap" mt="auto">
              <Button
                component="a"
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                leftSection={<IconExternal size={16} />}
                aria-label={t("walls.openNamed", { name: wall.name })}
              >
                {t("walls.open")}
              </Button>
              <CopyTextButton value={url}>{t("walls.copyLink")}</CopyTextButton>
              {canManage ? (
                <>
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={16} />}
                    onClick={onEdit}
                    aria-label={t("walls.editNamed", { name: wall.name })}
                  >
                    {t("walls.edit")}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconBan size={16} />}
                    onClick={onRevoke}
                    aria-label={t("walls.revokeNamed", { name: wall.name })}
                  >
                    {t("walls.revoke")}
                  </Button>
                </>
              ) : null}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
          {/* Beside the caption on a phone, above it from tablets up. */}
          <Flex
            direction={{ base: "row", sm: "column" }}
            gap="sm"
            align="center"
            justify="center"
            h="100%"
          >
            <Box
              p={8}
              bg="white"
              style={{
                border: "1px solid var(--mantine-color-gray-3)",
                borderRadius: 12,
                flexShrink: 0,
              }}
            >
              <Image
                src={qr}
                alt={t("walls.qrAlt", { name: wall.name })}
                w={{ base: 104, sm: 136 }}
                h={{ base: 104, sm: 136 }}
                fit="contain"
                data-testid="wall-qr"
              />
            </Box>
            <Text size="xs" c="dimmed" ta={{ base: "left", sm: "center" }} maw={200}>
              {t("walls.qrHint")}
            </Text>
          </Flex>
        </Grid.Col>
      </Grid>
    </Card>
  );
}

function scopeLabel(wall: Pick<Wall, "team" | "touchpoint">, t: TFunction): string {
  const parts = [
    wall.team ? t("walls.scopeTeam", { name: wall.team }) : null,
    wall.touchpoint ? t("walls.scopeTouchpoint", { name: wall.touchpoint }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : t("walls.scopeAll");
}

type GoalValue = number | string;

/**
 * Creating a wall sets everything; editing keeps the scope (team and touchpoint), which
 * the API cannot change: a different scope is a different wall.
 */
function WallForm({
  initial,
  submitLabel,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  initial?: Wall;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (input: WallInput) => void;
}) {
  const { t } = useTranslation();
  const { teams, touchpoints } = useLookups();
  const editing = initial !== undefined;
  const [name, setName] = useState(initial?.name ?? "");
  const [team, setTeam] = useState<string | null>(initial?.team ?? null);
  const [touchpoint, setTouchpoint] = useState<string | null>(initial?.touchpoint ?? null);
  const [goal, setGoal] = useState<GoalValue>(initial?.goalPerWeek ?? "");
  const [theme, setTheme] = useState<WallTheme>(initial?.theme ?? "dark");
  const [language, setLanguage] = useState<Language>(initial?.language ?? "da");
  const [nameMissing, setNameMissing] = useState(false);
  const formId = useId();

  // Without a name the wall is called after its scope, or "Happy customers" in its language.
  const defaultName =
    [team, touchpoint].filter(Boolean).join(" · ") ||
    t("walls.form.defaultName", { lng: language });

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (editing && !trimmed) {
      setNameMissing(true);
      return;
    }
    const goalNumber = typeof goal === "number" ? goal : Number.parseInt(goal, 10);
    const goalPerWeek = Number.isInteger(goalNumber) && goalNumber >= 1 ? goalNumber : null;
    onSubmit({
      name: trimmed || defaultName,
      ...(editing ? {} : { team: team ?? undefined, touchpoint: touchpoint ?? undefined }),
      // Editing can clear the goal (null); a new wall simply has none.
      goalPerWeek: editing ? goalPerWeek : (goalPerWeek ?? undefined),
      theme,
      language,
    });
  }

  const fields = ["name", "team", "touchpoint", "goalPerWeek", "theme", "language"];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {isFormLevel(error, fields) ? <ErrorAlert error={error} /> : null}
        <TextInput
          label={t("walls.form.name")}
          description={t("walls.form.nameHint")}
          placeholder={editing ? undefined : defaultName}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameMissing(false);
          }}
          maxLength={80}
          required={editing}
          error={nameMissing ? t("validation.required") : fieldError(error, "name")}
          data-autofocus
        />
        {editing ? (
          <Box>
            <Text size="sm" fw={500}>
              {t("walls.form.scope")}
            </Text>
            <Text size="sm">{scopeLabel(initial, t)}</Text>
            <Text size="xs" c="dimmed">
              {t("walls.form.scopeFixed")}
            </Text>
          </Box>
        ) : (
          <Stack gap={4}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select
                label={t("filters.team")}
                placeholder={t("walls.form.allTeams")}
                data={teams}
                value={team}
                onChange={setTeam}
                clearable
                searchable
                nothingFoundMessage={t("filters.nothingFound")}
                error={fieldError(error, "team")}
              />
              <Select
                label={t("filters.touchpoint")}
                placeholder={t("walls.form.allTouchpoints")}
                data={touchpoints}
                value={touchpoint}
                onChange={setTouchpoint}
                clearable
                searchable
                nothingFoundMessage={t("filters.nothingFound")}
                error={fieldError(error, "touchpoint")}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t("walls.form.scopeHint")}
            </Text>
          </Stack>
        )}
        <NumberInput
          label={t("walls.form.goal")}
          description={t("walls.form.goalHint")}
          placeholder={t("walls.form.goalPlaceholder")}
          min={1}
          max={GOAL_MAX}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          value={goal}
          onChange={setGoal}
          error={fieldError(error, "goalPerWeek")}
          maw={240}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Input.Wrapper
            label={t("walls.form.theme")}
            labelElement="div"
            labelProps={{ id: `${formId}-theme` }}
          >
            <SegmentedControl
              fullWidth
              mt={4}
              aria-labelledby={`${formId}-theme`}
              value={theme}
              onChange={(value) => setTheme(value as WallTheme)}
              data={THEMES.map((value) => ({ value, label: t(`walls.form.themes.${value}`) }))}
            />
          </Input.Wrapper>
          <Input.Wrapper
            label={t("walls.form.language")}
            labelElement="div"
            labelProps={{ id: `${formId}-language` }}
          >
            <SegmentedControl
              fullWidth
              mt={4}
              aria-labelledby={`${formId}-language`}
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              data={WALL_LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
            />
          </Input.Wrapper>
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
