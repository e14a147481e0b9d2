import { Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactElement, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { compareQuery, responsesQuery, surveysQuery, useMe } from "../../api/queries";
import { CommentList } from "../../components/comments";
import { Empty, ErrorAlert, Loading, PageHeader } from "../../components/feedback";
import { IconChart, IconShare, IconSurvey } from "../../components/icons";
import { AnchorLink, ButtonLink } from "../../components/links";
import { CategoryBreakdown, CompareCard, NpsCard } from "../../components/nps";
import { lastDays, previousRange } from "../../format";

export function OverviewPage(): ReactElement {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const range = useMemo(() => {
    const current = lastDays(30);
    const previous = previousRange(current.from, current.to);
    return { ...current, previousFrom: previous.from, previousTo: previous.to };
  }, []);

  const comparison = useQuery(compareQuery(range));
  const comments = useQuery(responsesQuery({ hasComment: true, limit: 6, offset: 0 }));
  const surveys = useQuery(surveysQuery);

  const firstName = me?.user.name.split(/\s+/)[0] ?? "";
  const hasAnyResponses = (comments.data?.total ?? 0) > 0 || (comparison.data?.current.n ?? 0) > 0;
  const hasSurveys = (surveys.data?.items.length ?? 0) > 0;

  return (
    <>
      <PageHeader
        title={t("overview.title")}
        description={t("overview.subtitle", { name: firstName })}
        actions={
          <ButtonLink to="/analytics" variant="light" leftSection={<IconChart />}>
            {t("overview.openAnalytics")}
          </ButtonLink>
        }
      />

      {comparison.isError ? <ErrorAlert error={comparison.error} /> : null}

      {comparison.isPending ? (
        <Loading />
      ) : !hasAnyResponses && !comments.isPending ? (
        <Card>
          <Empty
            title={t("empty.noResponses")}
            description={hasSurveys ? t("empty.shareHint") : t("empty.createHint")}
            icon={<IconShare size={26} />}
            action={
              hasSurveys ? (
                <ButtonLink to="/surveys" leftSection={<IconSurvey />}>
                  {t("empty.shareAction")}
                </ButtonLink>
              ) : (
                <ButtonLink to="/surveys/new" leftSection={<IconSurvey />}>
                  {t("surveys.create")}
                </ButtonLink>
              )
            }
          />
        </Card>
      ) : (
        <Stack gap="lg">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <NpsCard
                nps={comparison.data?.current}
                title={t("overview.npsLast30")}
                hint={t("nps.scaleHint")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <CategoryBreakdown nps={comparison.data?.current} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <CompareCard
                comparison={comparison.data}
                currentLabel={t("periods.last30")}
                previousLabel={t("periods.previous30")}
              />
            </Grid.Col>
          </Grid>

          <Card>
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="lg">
                {t("overview.latestComments")}
              </Title>
              <AnchorLink to="/analytics" size="sm">
                {t("overview.allComments")}
              </AnchorLink>
            </Group>
            {comments.isPending ? (
              <Loading />
            ) : comments.isError ? (
              <ErrorAlert error={comments.error} />
            ) : comments.data.items.length === 0 ? (
              <Text c="dimmed" size="sm" py="md">
                {t("overview.noComments")}
              </Text>
            ) : (
              <CommentList items={comments.data.items} />
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}
