import { Card, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { surveysQuery } from "../../api/queries";
import { Empty, ErrorAlert, Loading, PageHeader } from "../../components/feedback";
import { IconPlus, IconSurvey } from "../../components/icons";
import { AnchorLink, ButtonLink } from "../../components/links";
import { useFormat } from "../../format";

export function SurveysPage(): ReactElement {
  const { t } = useTranslation();
  const f = useFormat();
  const surveys = useQuery(surveysQuery);

  return (
    <>
      <PageHeader
        title={t("surveys.title")}
        description={t("surveys.subtitle")}
        actions={
          <ButtonLink to="/surveys/new" leftSection={<IconPlus />}>
            {t("surveys.create")}
          </ButtonLink>
        }
      />
      <Card p={0}>
        {surveys.isPending ? (
          <Loading />
        ) : surveys.isError ? (
          <ErrorAlert error={surveys.error} />
        ) : surveys.data.items.length === 0 ? (
          <Empty
            title={t("surveys.emptyTitle")}
            description={t("surveys.emptyHint")}
            icon={<IconSurvey size={26} />}
            action={
              <ButtonLink to="/surveys/new" leftSection={<IconPlus />}>
                {t("surveys.create")}
              </ButtonLink>
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={340}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th pl="lg">{t("surveys.name")}</Table.Th>
                  <Table.Th>{t("surveys.language")}</Table.Th>
                  <Table.Th ta="right">{t("surveys.responses")}</Table.Th>
                  <Table.Th visibleFrom="sm" pr="lg" ta="right">
                    {t("surveys.created")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {surveys.data.items.map((survey) => (
                  <Table.Tr key={survey.id}>
                    <Table.Td pl="lg">
                      <AnchorLink to="/surveys/$surveyId" params={{ surveyId: survey.id }} fw={600}>
                        {survey.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Text span size="sm">
                        {t(`languages.${survey.language}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      <Text span fw={500}>
                        {f.int(survey.responseCount ?? 0)}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" pr="lg" ta="right" c="dimmed" className="tabular">
                      {survey.createdAt ? f.date(survey.createdAt) : "–"}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}
