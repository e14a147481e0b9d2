import {
  Button,
  Fieldset,
  Group,
  Input,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language, Questions, SurveyInput } from "../../api/types";
import { ErrorAlert, fieldError, isFormLevel } from "../../components/feedback";

/**
 * The standard NPS wording in both languages. It is survey content rather than UI text,
 * so it does not follow the UI language: a Danish survey still needs its English version.
 */
export const DEFAULT_QUESTIONS: Questions = {
  da: {
    score: "Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?",
    why: "Hvad er den vigtigste grund til din vurdering?",
  },
  en: {
    score: "How likely is it that you would recommend us to a friend or colleague?",
    why: "What is the most important reason for your score?",
  },
};

const FIELDS = ["name", "language", "questions", "askConsent", "askName"];

export function SurveyForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  pending,
  error,
}: {
  initial?: Partial<SurveyInput>;
  submitLabel: string;
  onSubmit: (input: SurveyInput) => void;
  onCancel?: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(initial?.name ?? "");
  const [language, setLanguage] = useState<Language>(
    initial?.language ?? (i18n.language === "en" ? "en" : "da"),
  );
  const [questions, setQuestions] = useState<Questions>(initial?.questions ?? DEFAULT_QUESTIONS);
  const [askConsent, setAskConsent] = useState(initial?.askConsent ?? true);
  const [askName, setAskName] = useState(initial?.askName ?? false);
  const [touched, setTouched] = useState(false);

  function setQuestion(lang: Language, key: "score" | "why", value: string) {
    setQuestions((current) => ({ ...current, [lang]: { ...current[lang], [key]: value } }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    const trimmed: Questions = {
      da: { score: questions.da.score.trim(), why: questions.da.why.trim() },
      en: { score: questions.en.score.trim(), why: questions.en.why.trim() },
    };
    if (!name.trim() || !trimmed.da.score || !trimmed.en.score) return;
    onSubmit({ name: name.trim(), language, questions: trimmed, askConsent, askName });
  }

  const questionError = fieldError(error, "questions");
  // Danish first when the survey is Danish, so the main wording is the first thing edited.
  const order: Language[] = language === "da" ? ["da", "en"] : ["en", "da"];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {isFormLevel(error, FIELDS) ? <ErrorAlert error={error} /> : null}
        <TextInput
          label={t("surveyForm.name")}
          description={t("surveyForm.nameHint")}
          placeholder={t("surveyForm.namePlaceholder")}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={
            fieldError(error, "name") ??
            (touched && !name.trim() ? t("validation.required") : undefined)
          }
          maw={560}
        />
        <Input.Wrapper
          label={t("surveyForm.language")}
          description={t("surveyForm.languageHint")}
          error={fieldError(error, "language")}
          id="survey-language"
          labelElement="div"
        >
          <div>
            <SegmentedControl
              mt={6}
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              aria-labelledby="survey-language-label"
              data={[
                { value: "da", label: t("languages.da") },
                { value: "en", label: t("languages.en") },
              ]}
            />
          </div>
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {order.map((lang) => (
            <Fieldset
              key={lang}
              legend={t("surveyForm.questionsIn", { language: t(`languages.${lang}`) })}
              radius="md"
              lang={lang}
            >
              <Stack gap="sm">
                <Textarea
                  label={t("surveyForm.scoreQuestion")}
                  autosize
                  minRows={2}
                  required
                  value={questions[lang].score}
                  onChange={(event) => setQuestion(lang, "score", event.currentTarget.value)}
                  error={
                    touched && !questions[lang].score.trim() ? t("validation.required") : undefined
                  }
                />
                <Textarea
                  label={t("surveyForm.whyQuestion")}
                  autosize
                  minRows={2}
                  value={questions[lang].why}
                  onChange={(event) => setQuestion(lang, "why", event.currentTarget.value)}
                />
              </Stack>
            </Fieldset>
          ))}
        </SimpleGrid>
        {questionError ? <ErrorAlert error={error} /> : null}
        <Stack gap="sm">
          <Switch
            label={t("surveyForm.askConsent")}
            description={t("surveyForm.askConsentHint")}
            checked={askConsent}
            onChange={(event) => setAskConsent(event.currentTarget.checked)}
          />
          <Switch
            label={t("surveyForm.askName")}
            description={t("surveyForm.askNameHint")}
            checked={askName}
            onChange={(event) => setAskName(event.currentTarget.checked)}
          />
        </Stack>
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
