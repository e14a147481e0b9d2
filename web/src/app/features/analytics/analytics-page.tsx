import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  useMatches,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import {
  lazy,
  type ReactElement,
  type ReactNode,
  Suspense,
  useEffect,
  useMemo,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../../api/client";
import { useLookups } from "../../api/lookups";
import { compareQuery, distributionQuery, npsQuery, responsesQuery } from "../../api/queries";
import { CHANNELS, type NpsGroup } from "../../api/types";
import { CommentList } from "../../components/comments";
import { Empty, ErrorAlert, Loading, PageHeader } from "../../components/feedback";
import { IconDownload, IconSearch, IconShare } from "../../components/icons";
import { ButtonLink } from "../../components/links";
import { CategoryBreakdown, CompareCard, NpsCard } from "../../components/nps";
import { useFormat } from "../../format";
import {
  type AnalyticsSearch,
  BREAKDOWNS,
  type Breakdown,
  CATEGORIES,
  type CategoryFilter,
  type Comparison,
  compareFiltersOf,
  comparisonRangeOf,
  defaultTrend,
  filtersOf,
  lastDayOf,
  type Period,
  rangeOf,
  TREND_GROUPS,
  type TrendGroup,
} from "./search";

const route = getRouteApi("/_app/analytics");

// ECharts is the heaviest dependency: load it beside the page, so the numbers show first.
const TrendChart = lazy(() => import("./charts").then((m) => ({ default: m.TrendChart })));
const DistributionChart = lazy(() =>
  import("./charts").then((m) => ({ default: m.DistributionChart })),
);
const PAGE_SIZE = 20;

function useAnalyticsSearch() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  /** Changing a filter resets paging; everything else is kept. */
  const update = (patch: Partial<AnalyticsSearch>, keepPage = false) =>
    void navigate({
      search: (previous) => ({ ...previous, ...patch, ...(keepPage ? {} : { page: undefined }) }),
      replace: true,
      resetScroll: false,
    });
  return { search, update };
}

export function AnalyticsPage(): ReactElement {
  const { t } = useTranslation();
  const f = useFormat();
  const { search, update } = useAnalyticsSearch();
  const filters = useMemo(() => filtersOf(search), [search]);
  const range = rangeOf(search);
  const comparisonRange = comparisonRangeOf(search);
  const trend = search.trend ?? defaultTrend(search);

  const summary = useQuery(npsQuery({ ...filters, groupBy: trend }));
  const comparison = useQuery(compareQuery(compareFiltersOf(search)));
  const distribution = useQuery(distributionQuery(filters));

  const rangeText = (from: string, to: string) => f.range(from, lastDayOf(to));
  const n = summary.data?.n ?? 0;

  return (
    <>
      <PageHeader title={t("analytics.title")} description={t("analytics.subtitle")} />
      <Stack gap="lg">
        <Filters />
        {summary.isError ? <ErrorAlert error={summary.error} /> : null}
        {summary.isPending ? (
          <Loading />
        ) : (
          <>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
                <NpsCard
                  nps={summary.data}
                  title={t("analytics.npsInPeriod")}
                  hint={`${rangeText(range.from, range.to)}. ${t("nps.scaleHint")}`}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
                <CategoryBreakdown nps={summary.data} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <CompareCard
                  comparison={comparison.data}
                  currentLabel={rangeText(range.from, range.to)}
                  previousLabel={rangeText(comparisonRange.from, comparisonRange.to)}
                >
                  <ComparisonPicker />
                </CompareCard>
              </Grid.Col>
            </Grid>

            {n === 0 ? (
              <Card>
                <Empty
                  title={t("analytics.emptyTitle")}
                  description={t("analytics.emptyHint")}
                  icon={<IconShare size={26} />}
                  action={
                    <ButtonLink to="/surveys" variant="light">
                      {t("empty.shareAction")}
                    </ButtonLink>
                  }
                />
              </Card>
            ) : (
              <>
                <Grid gap="lg">
                  <Grid.Col span={{ base: 12, lg: 7 }}>
                    <Card h="100%">
                      <SectionHeader title={t("analytics.trendTitle")}>
                        <SegmentedControl
                          size="xs"
                          value={trend}
                          onChange={(value) => update({ trend: value as TrendGroup }, true)}
                          aria-label={t("analytics.groupTrendBy")}
                          data={TREND_GROUPS.map((value) => ({
                            value,
                            label: t(`analytics.trend.${value}`),
                          }))}
                        />
                      </SectionHeader>
                      <Suspense fallback={<Skeleton height={300} radius="md" />}>
                        <TrendChart groups={summary.data?.groups ?? []} group={trend} />
                      </Suspense>
                      <Text size="xs" c="dimmed" mt={4}>
                        {t("analytics.bandHint")}
                      </Text>
                    </Card>
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, lg: 5 }}>
                    <Card h="100%">
                      <SectionHeader title={t("analytics.distributionTitle")} />
                      {distribution.isError ? (
                        <ErrorAlert error={distribution.error} />
                      ) : (
                        <Suspense fallback={<Skeleton height={260} radius="md" />}>
                          <DistributionChart
                            counts={distribution.data?.counts ?? Array(11).fill(0)}
                          />
                        </Suspense>
                      )}
                    </Card>
                  </Grid.Col>
                </Grid>
                <BreakdownCard />
              </>
            )}
            <CommentsCard />
          </>
        )}
      </Stack>
    </>
  );
}

function SectionHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
      <Title order={2} fz="lg">
        {title}
      </Title>
      {children}
    </Group>
  );
}

function Filters() {
  const { t } = useTranslation();
  const { search, update } = useAnalyticsSearch();
  const { surveys, teams, touchpoints, employees } = useLookups();
  const period = search.period ?? "30d";
  const range = rangeOf(search);
  const isPhone = useMatches({ base: true, sm: false });
  const hasFilters = Boolean(
    search.surveyId ||
      search.team ||
      search.touchpoint ||
      search.employee ||
      search.channel ||
      search.period,
  );

  return (
    <Card component="section" aria-label={t("filters.title")} padding="md">
      <Stack gap="sm">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t("filters.survey")}
              placeholder={t("filters.allSurveys")}
              data={surveys}
              value={search.surveyId ?? null}
              onChange={(value) => update({ surveyId: value ?? undefined })}
              clearable
              searchable
              nothingFoundMessage={t("filters.nothingFound")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Text component="div" size="sm" fw={500} mb={4} id="period-label">
              {t("filters.period")}
            </Text>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SegmentedControl
                fullWidth={isPhone}
                w={isPhone ? "100%" : undefined}
                aria-labelledby="period-label"
                value={period}
                onChange={(value) => {
                  const next = value as Period;
                  if (next === "custom") {
                    update({ period: next, from: range.from, to: lastDayOf(range.to) });
                  } else {
                    update({
                      period: next === "30d" ? undefined : next,
                      from: undefined,
                      to: undefined,
                    });
                  }
                }}
                data={[
                  { value: "7d", label: t("periods.days", { count: 7 }) },
                  { value: "30d", label: t("periods.days", { count: 30 }) },
                  { value: "90d", label: t("periods.days", { count: 90 }) },
                  { value: "custom", label: t("periods.custom") },
                ]}
              />
              {period === "custom" ? (
                <Group gap="xs" wrap="nowrap">
                  <TextInput
                    type="date"
                    aria-label={t("filters.from")}
                    placeholder={t("filters.from")}
                    value={search.from ?? ""}
                    max={search.to}
                    onChange={(event) => update({ from: event.currentTarget.value || undefined })}
                    w={150}
                  />
                  <Text c="dimmed" aria-hidden="true">
                    –
                  </Text>
                  <TextInput
                    type="date"
                    aria-label={t("filters.to")}
                    value={search.to ?? ""}
                    min={search.from}
                    onChange={(event) => update({ to: event.currentTarget.value || undefined })}
                    w={150}
                  />
                </Group>
              ) : null}
            </Group>
          </Grid.Col>
        </Grid>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Select
            label={t("filters.team")}
            placeholder={t("filters.all")}
            data={teams}
            value={search.team ?? null}
            onChange={(value) => update({ team: value ?? undefined })}
            clearable
            searchable
            nothingFoundMessage={t("filters.nothingFound")}
          />
          <Select
            label={t("filters.touchpoint")}
            placeholder={t("filters.all")}
            data={touchpoints}
            value={search.touchpoint ?? null}
            onChange={(value) => update({ touchpoint: value ?? undefined })}
            clearable
            searchable
            nothingFoundMessage={t("filters.nothingFound")}
          />
          <Select
            label={t("filters.employee")}
            placeholder={t("filters.all")}
            data={employees}
            value={search.employee ?? null}
            onChange={(value) => update({ employee: value ?? undefined })}
            clearable
            searchable
            nothingFoundMessage={t("filters.nothingFound")}
          />
          <Select
            label={t("filters.channel")}
            placeholder={t("filters.all")}
            data={CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
            value={search.channel ?? null}
            onChange={(value) => update({ channel: value ?? undefined })}
            clearable
          />
        </SimpleGrid>
        {hasFilters ? (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() =>
                update({
                  surveyId: undefined,
                  period: undefined,
                  from: undefined,
                  to: undefined,
                  team: undefined,
                  touchpoint: undefined,
                  employee: undefined,
                  channel: undefined,
                })
              }
            >
              {t("filters.reset")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function ComparisonPicker() {
  const { t } = useTranslation();
  const { search, update } = useAnalyticsSearch();
  const cmp = search.cmp ?? "previous";
  const current = comparisonRangeOf(search);
  return (
    <Stack gap="xs" mt="auto" pt="xs">
      <Select
        size="xs"
        label={t("compare.with")}
        value={cmp}
        allowDeselect={false}
        onChange={(value) => {
          const next = (value ?? "previous") as Comparison;
          if (next === "custom") {
            update({ cmp: next, cmpFrom: current.from, cmpTo: lastDayOf(current.to) }, true);
          } else {
            update(
              { cmp: next === "previous" ? undefined : next, cmpFrom: undefined, cmpTo: undefined },
              true,
            );
          }
        }}
        data={[
          { value: "previous", label: t("compare.previousPeriod") },
          { value: "year", label: t("compare.lastYear") },
          { value: "custom", label: t("compare.customPeriod") },
        ]}
        maw={260}
      />
      {cmp === "custom" ? (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            type="date"
            aria-label={t("compare.from")}
            value={search.cmpFrom ?? ""}
            onChange={(event) => update({ cmpFrom: event.currentTarget.value || undefined }, true)}
            style={{ flex: 1 }}
          />
          <Text c="dimmed" aria-hidden="true">
            –
          </Text>
          <TextInput
            size="xs"
            type="date"
            aria-label={t("compare.to")}
            value={search.cmpTo ?? ""}
            onChange={(event) => update({ cmpTo: event.currentTarget.value || undefined }, true)}
            style={{ flex: 1 }}
          />
        </Group>
      ) : null}
    </Stack>
  );
}

function BreakdownCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const { search, update } = useAnalyticsSearch();
  const breakdown: Breakdown = search.breakdown ?? "team";
  const filters = useMemo(() => filtersOf(search), [search]);
  const result = useQuery(npsQuery({ ...filters, groupBy: breakdown }));

  const rows = useMemo(
    () => [...(result.data?.groups ?? [])].sort((a, b) => b.n - a.n),
    [result.data],
  );
  const label = (group: NpsGroup) => {
    // The API names the "no value" group "(none)".
    if (group.key === null || group.key === "" || group.key === "(none)")
      return t("analytics.notSet");
    if (breakdown === "channel") return t(`channels.${group.key}`, { defaultValue: group.key });
    return group.key;
  };
  const share = (count: number, n: number) => (n > 0 ? f.percent(count / n) : "–");

  return (
    <Card>
      <SectionHeader title={t("analytics.breakdownTitle")}>
        <SegmentedControl
          size="xs"
          value={breakdown}
          onChange={(value) => update({ breakdown: value as Breakdown }, true)}
          aria-label={t("analytics.breakdownBy")}
          data={BREAKDOWNS.map((value) => ({ value, label: t(`filters.${value}`) }))}
        />
      </SectionHeader>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorAlert error={result.error} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm" py="md">
          {t("analytics.breakdownEmpty")}
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={300}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t("analytics.breakdownTitle")}
        >
          <Table striped={false} highlightOnHover data-testid="breakdown-table">
            <Table.Caption style={{ captionSide: "bottom", textAlign: "left" }}>
              {t("analytics.breakdownCaption")}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`filters.${breakdown}`)}</Table.Th>
                <Table.Th ta="right">n</Table.Th>
                <Table.Th ta="right">NPS</Table.Th>
                <Table.Th ta="right">{t("analytics.marginColumn")}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t("category.promoterPlural")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t("category.passivePlural")}
                </Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t("category.detractorPlural")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody className="tabular">
              {rows.map((row) => (
                <Table.Tr key={row.key ?? "none"} c={row.n < 10 ? "dimmed" : undefined}>
                  <Table.Td fw={500}>
                    {label(row)}
                    {row.n < 10 ? (
                      <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                        {t("analytics.fewAnswers")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{f.int(row.n)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {f.nps(row.nps)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.marginOfError95 === null ? "–" : `± ${f.margin(row.marginOfError95)}`}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="sm">
                    {share(row.promoters, row.n)}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="sm">
                    {share(row.passives, row.n)}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="sm">
                    {share(row.detractors, row.n)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function CommentsCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const { search, update } = useAnalyticsSearch();
  const [query, setQuery] = useState(search.q ?? "");
  const [debounced] = useDebouncedValue(query.trim(), 350);
  const category: CategoryFilter = search.category ?? "all";
  const page = search.page ?? 1;
  const segmentSize = useMatches({ base: "xs", sm: "sm" });

  // Typing updates the URL once the user pauses, not on every key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text matters
  useEffect(() => {
    if ((search.q ?? "") !== debounced) update({ q: debounced || undefined });
  }, [debounced]);

  const filters = useMemo(() => filtersOf(search), [search]);
  const params = {
    ...filters,
    category: category === "all" ? undefined : category,
    q: search.q,
    hasComment: true,
  };
  const result = useQuery(
    responsesQuery({ ...params, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  );
  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const csvUrl = withQuery("/api/v1/responses.csv", {
    ...filters,
    category: params.category,
    q: params.q,
  });

  return (
    <Card component="section" aria-labelledby="comments-title">
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Title order={2} fz="lg" id="comments-title">
          {t("analytics.commentsTitle")}
        </Title>
        <Button
          component="a"
          href={csvUrl}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={16} />}
        >
          {t("analytics.exportCsv")}
        </Button>
      </Group>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <SegmentedControl
            size={segmentSize}
            value={category}
            onChange={(value) =>
              update({ category: value === "all" ? undefined : (value as CategoryFilter) })
            }
            aria-label={t("analytics.categoryFilter")}
            data={CATEGORIES.map((value) => ({
              value,
              label: value === "all" ? t("category.all") : t(`category.${value}Plural`),
            }))}
          />
          <TextInput
            type="search"
            aria-label={t("analytics.search")}
            placeholder={t("analytics.searchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
          />
        </Group>
        {result.isPending ? (
          <Loading />
        ) : result.isError ? (
          <ErrorAlert error={result.error} />
        ) : result.data.items.length === 0 ? (
          <Text c="dimmed" size="sm" py="lg" ta="center">
            {search.q || category !== "all" ? t("analytics.noMatches") : t("analytics.noComments")}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("analytics.showing", {
                from: f.int((page - 1) * PAGE_SIZE + 1),
                to: f.int(Math.min(total, page * PAGE_SIZE)),
                total: f.int(total),
              })}
            </Text>
            <CommentList items={result.data.items} />
            {pages > 1 ? (
              <Group justify="center" mt="sm">
                <Pagination
                  total={pages}
                  value={Math.min(page, pages)}
                  onChange={(value) => update({ page: value > 1 ? value : undefined }, true)}
                  getControlProps={(control) =>
                    control === "previous"
                      ? { "aria-label": t("common.previousPage") }
                      : control === "next"
                        ? { "aria-label": t("common.nextPage") }
                        : {}
                  }
                  getItemProps={(value) => ({ "aria-label": t("common.page", { page: value }) })}
                />
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}
