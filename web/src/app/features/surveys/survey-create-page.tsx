import { Card } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useCreateSurvey } from "../../api/queries";
import { PageHeader } from "../../components/feedback";
import { IconArrowLeft } from "../../components/icons";
import { AnchorLink } from "../../components/links";
import { SurveyForm } from "./survey-form";

export function SurveyCreatePage(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSurvey();

  return (
    <>
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
      <PageHeader title={t("surveys.createTitle")} description={t("surveys.createSubtitle")} />
      <Card>
        <SurveyForm
          submitLabel={t("surveys.createSubmit")}
          pending={create.isPending}
          error={create.error}
          onCancel={() => void navigate({ to: "/surveys" })}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (created) =>
                void navigate({ to: "/surveys/$surveyId", params: { surveyId: created.id } }),
            })
          }
        />
      </Card>
    </>
  );
}
