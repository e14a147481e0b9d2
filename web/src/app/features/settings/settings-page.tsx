import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, type ReactElement, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { absoluteUrl } from "../../api/client";
import {
  employeesQuery,
  teamsQuery,
  tokensQuery,
  touchpointsQuery,
  useCreateEmployee,
  useCreateTeam,
  useCreateToken,
  useCreateTouchpoint,
  useInviteUser,
  useMe,
  useRevokeToken,
  usersQuery,
} from "../../api/queries";
import type { ApiToken, Items, Named, Role } from "../../api/types";
import { CopyField } from "../../components/copy";
import {
  Empty,
  ErrorAlert,
  fieldError,
  isFormLevel,
  Loading,
  PageHeader,
} from "../../components/feedback";
import { IconKey, IconPlus, IconWarning } from "../../components/icons";
import { useFormat } from "../../format";
import type { SettingsTab } from "../../router";

const route = getRouteApi("/_app/settings");
const ROLES: Role[] = ["admin", "manager", "employee"];

export function SettingsPage(): ReactElement {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  const isAdmin = me?.role === "admin";
  const canEdit = me?.role === "admin" || me?.role === "manager";
  const tabs: SettingsTab[] = isAdmin
    ? ["teams", "touchpoints", "employees", "users", "tokens"]
    : ["teams", "touchpoints", "employees"];
  const active = tab && tabs.includes(tab) ? tab : "teams";

  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.subtitle")} />
      <Tabs
        value={active}
        onChange={(value) =>
          void navigate({ search: { tab: (value ?? "teams") as SettingsTab }, replace: true })
        }
        keepMounted={false}
        variant="pills"
        radius="md"
      >
        <Tabs.List mb="lg" style={{ flexWrap: "wrap", gap: 6 }}>
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`settings.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="teams">
          <NamedList kind="teams" canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="touchpoints">
          <NamedList kind="touchpoints" canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="employees">
          <Employees canEdit={canEdit} />
        </Tabs.Panel>
        {isAdmin ? (
          <>
            <Tabs.Panel value="users">
              <Users />
            </Tabs.Panel>
            <Tabs.Panel value="tokens">
              <Tokens />
            </Tabs.Panel>
          </>
        ) : null}
      </Tabs>
    </>
  );
}

function Section({
  title,
  description,
  form,
  children,
}: {
  title: string;
  description?: string;
  form?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="lg">
      {form ? (
        <Card>
          <Stack gap="sm">
            <div>
              <Title order={2} fz="lg">
                {title}
              </Title>
              {description ? (
                <Text size="sm" c="dimmed">
                  {description}
                </Text>
              ) : null}
            </div>
            {form}
          </Stack>
        </Card>
      ) : null}
      <Card p={0}>{children}</Card>
    </Stack>
  );
}

function ListState<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<Items<T>>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (query.data.items.length === 0) return <Empty title={empty} />;
  return <>{children(query.data.items)}</>;
}

/** Teams and touchpoints: a name is all they have. */
function NamedList({ kind, canEdit }: { kind: "teams" | "touchpoints"; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(kind === "teams" ? teamsQuery : touchpointsQuery);
  const createTeam = useCreateTeam();
  const createTouchpoint = useCreateTouchpoint();
  const create = kind === "teams" ? createTeam : createTouchpoint;
  const [name, setName] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim() }, { onSuccess: () => setName("") });
  }

  return (
    <Section
      title={t(`settings.${kind}.add`)}
      description={t(`settings.${kind}.hint`)}
      form={
        canEdit ? (
          <form onSubmit={submit}>
            <Stack gap="xs">
              {isFormLevel(create.error, ["name"]) ? <ErrorAlert error={create.error} /> : null}
              <Group align="flex-end" gap="sm">
                <TextInput
                  label={t("settings.name")}
                  placeholder={t(`settings.${kind}.placeholder`)}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  error={fieldError(create.error, "name")}
                  style={{ flex: 1, minWidth: 200, maxWidth: 420 }}
                  required
                />
                <Button type="submit" loading={create.isPending} leftSection={<IconPlus />}>
                  {t("common.add")}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : undefined
      }
    >
      <ListState<Named> query={query} empty={t(`settings.${kind}.empty`)}>
        {(items) => (
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th px="lg">{t("settings.name")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td px="lg">{item.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListState>
    </Section>
  );
}

function Employees({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(employeesQuery);
  const teams = useQuery(teamsQuery);
  const create = useCreateEmployee();
  const [name, setName] = useState("");
  const [team, setTeam] = useState<string | null>(null);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [nicknames, setNicknames] = useState<string[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), team: team ?? undefined, managerId: managerId ?? undefined, nicknames },
      {
        onSuccess: () => {
          setName("");
          setNicknames([]);
        },
      },
    );
  }

  return (
    <Section
      title={t("settings.employees.add")}
      description={t("settings.employees.hint")}
      form={
        canEdit ? (
          <form onSubmit={submit}>
            <Stack gap="sm" maw={720}>
              {isFormLevel(create.error, ["name", "team", "managerId", "nicknames"]) ? (
                <ErrorAlert error={create.error} />
              ) : null}
              <Group grow align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label={t("settings.name")}
                  placeholder={t("settings.employees.placeholder")}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  error={fieldError(create.error, "name")}
                  required
                  miw={200}
                />
                <Select
                  label={t("filters.team")}
                  placeholder={t("settings.employees.noTeam")}
                  data={(teams.data?.items ?? []).map((item) => ({
                    value: item.name,
                    label: item.name,
                  }))}
                  value={team}
                  onChange={setTeam}
                  clearable
                  error={fieldError(create.error, "team")}
                  miw={200}
                />
                <Select
                  label={t("settings.employees.manager")}
                  placeholder={t("settings.employees.noManager")}
                  data={(query.data?.items ?? []).map((item) => ({
                    value: item.id,
                    label: item.name,
                  }))}
                  value={managerId}
                  onChange={setManagerId}
                  clearable
                  searchable
                  error={fieldError(create.error, "managerId")}
                  miw={200}
                />
              </Group>
              <TagsInput
                label={t("settings.employees.nicknames")}
                description={t("settings.employees.nicknamesHint")}
                placeholder={t("settings.employees.nicknamesPlaceholder")}
                value={nicknames}
                onChange={setNicknames}
                error={fieldError(create.error, "nicknames")}
                clearable
              />
              <Group>
                <Button type="submit" loading={create.isPending} leftSection={<IconPlus />}>
                  {t("common.add")}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : undefined
      }
    >
      <ListState query={query} empty={t("settings.employees.empty")}>
        {(items) => (
          <Table.ScrollContainer minWidth={340}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th pl="lg">{t("settings.name")}</Table.Th>
                  <Table.Th>{t("filters.team")}</Table.Th>
                  <Table.Th>{t("settings.employees.manager")}</Table.Th>
                  <Table.Th pr="lg">{t("settings.employees.nicknames")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td pl="lg" fw={500}>
                      {item.name}
                    </Table.Td>
                    <Table.Td>{item.team ?? "–"}</Table.Td>
                    <Table.Td>
                      {items.find((other) => other.id === item.managerId)?.name ?? "–"}
                    </Table.Td>
                    <Table.Td pr="lg">
                      <Group gap={4}>
                        {(item.nicknames ?? []).map((nickname) => (
                          <Badge key={nickname} variant="light" color="gray" tt="none" fw={500}>
                            {nickname}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
    </Section>
  );
}

function Users() {
  const { t } = useTranslation();
  const query = useQuery(usersQuery);
  const invite = useInviteUser();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("manager");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim()) return;
    invite.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail("") });
  }

  return (
    <Section
      title={t("settings.users.invite")}
      description={t("settings.users.hint")}
      form={
        <form onSubmit={submit}>
          <Stack gap="sm">
            {isFormLevel(invite.error, ["email", "role"]) ? (
              <ErrorAlert error={invite.error} />
            ) : null}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t("settings.users.email")}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldError(invite.error, "email")}
                required
                style={{ flex: 1, minWidth: 220, maxWidth: 380 }}
              />
              <Select
                label={t("settings.users.role")}
                data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
                value={role}
                onChange={(value) => setRole((value ?? "manager") as Role)}
                allowDeselect={false}
                error={fieldError(invite.error, "role")}
                w={180}
              />
              <Button type="submit" loading={invite.isPending}>
                {t("settings.users.inviteSubmit")}
              </Button>
            </Group>
            {invite.data ? (
              <Alert color="fjord" variant="light" title={t("settings.users.inviteCreated")}>
                <Stack gap="xs">
                  <Text size="sm">{t("settings.users.inviteCopyHint")}</Text>
                  <CopyField
                    label={t("settings.users.inviteLink")}
                    value={absoluteUrl(invite.data.url)}
                    testId="invite-link"
                  />
                </Stack>
              </Alert>
            ) : null}
          </Stack>
        </form>
      }
    >
      <ListState query={query} empty={t("settings.users.empty")}>
        {(items) => (
          <Table.ScrollContainer minWidth={340}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th pl="lg">{t("settings.name")}</Table.Th>
                  <Table.Th>{t("settings.users.email")}</Table.Th>
                  <Table.Th pr="lg">{t("settings.users.role")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td pl="lg" fw={500}>
                      {user.name}
                    </Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td pr="lg">
                      <Badge
                        variant="light"
                        color={user.role === "admin" ? "fjord" : "gray"}
                        tt="none"
                      >
                        {t(`roles.${user.role}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
    </Section>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery(tokensQuery);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [confirming, setConfirming] = useState<ApiToken | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim() }, { onSuccess: () => setName("") });
  }

  return (
    <Section
      title={t("settings.tokens.create")}
      description={t("settings.tokens.hint")}
      form={
        <form onSubmit={submit}>
          <Stack gap="sm">
            {isFormLevel(create.error, ["name"]) ? <ErrorAlert error={create.error} /> : null}
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t("settings.tokens.name")}
                placeholder={t("settings.tokens.placeholder")}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={fieldError(create.error, "name")}
                required
                style={{ flex: 1, minWidth: 200, maxWidth: 420 }}
              />
              <Button type="submit" loading={create.isPending} leftSection={<IconKey />}>
                {t("settings.tokens.createSubmit")}
              </Button>
            </Group>
            {create.data ? (
              <Alert
                color="orange"
                variant="light"
                icon={<IconWarning />}
                title={t("settings.tokens.shownOnce")}
                role="alert"
              >
                <Stack gap="xs">
                  <Text size="sm">{t("settings.tokens.shownOnceHint")}</Text>
                  <CopyField
                    label={t("settings.tokens.token")}
                    value={create.data.token}
                    testId="new-token"
                  />
                </Stack>
              </Alert>
            ) : null}
          </Stack>
        </form>
      }
    >
      <ListState query={query} empty={t("settings.tokens.empty")}>
        {(items) => (
          <Table.ScrollContainer minWidth={340}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th pl="lg">{t("settings.tokens.name")}</Table.Th>
                  <Table.Th>{t("settings.tokens.created")}</Table.Th>
                  <Table.Th>{t("settings.tokens.lastUsed")}</Table.Th>
                  <Table.Th pr="lg" ta="right">
                    <VisuallyHidden>{t("settings.tokens.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td pl="lg" fw={500}>
                      {token.name}
                    </Table.Td>
                    <Table.Td>{f.date(token.createdAt)}</Table.Td>
                    <Table.Td>
                      {token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t("settings.tokens.never")}
                    </Table.Td>
                    <Table.Td pr="lg" ta="right">
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        onClick={() => setConfirming(token)}
                        aria-label={t("settings.tokens.revokeNamed", { name: token.name })}
                      >
                        {t("settings.tokens.revoke")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t("settings.tokens.revokeTitle")}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {t("settings.tokens.revokeConfirm", { name: confirming?.name ?? "" })}
          </Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                confirming && revoke.mutate(confirming.id, { onSuccess: () => setConfirming(null) })
              }
            >
              {t("settings.tokens.revoke")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
