import { Badge, Card, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Category, Nps, NpsComparison } from "../api/types";
import { useFormat } from "../format";
import { categoryColours } from "../theme";

export function categoryOf(score: number): Category {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/** The headline card: NPS, its 95 % margin and how many answers it rests on. */
export function NpsCard({
  nps,
  title,
  hint,
}: {
  nps: Nps | undefined;
  title: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const hasScore = nps && nps.n > 0 && nps.nps !== null;
  return (
    <Card h="100%">
      <Stack gap={6}>
        <Text size="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {title}
        </Text>
        <Group align="baseline" gap="xs">
          <Text
            fz={44}
            fw={700}
            lh={1.1}
            c={hasScore ? undefined : "dimmed"}
            data-testid="nps-value"
            aria-label={hasScore ? `NPS ${f.nps(nps.nps)}` : t("nps.noScore")}
          >
            {hasScore ? f.nps(nps.nps) : "–"}
          </Text>
          {hasScore && nps.marginOfError95 !== null ? (
            <Tooltip label={t("nps.marginHelp")} multiline w={260} withArrow>
              <Text c="dimmed" size="sm" data-testid="nps-margin" tabIndex={0}>
                {t("nps.margin", { margin: f.margin(nps.marginOfError95) })}
              </Text>
            </Tooltip>
          ) : null}
        </Group>
        <Text size="sm" data-testid="nps-n">
          {t("nps.n", { count: nps?.n ?? 0, formatted: f.int(nps?.n ?? 0) })}
        </Text>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Promoters / passives / detractors as one stacked bar with the counts spelled out below. */
export function CategoryBreakdown({ nps }: { nps: Nps | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const n = nps?.n ?? 0;
  const parts: { key: Category; count: number }[] = [
    { key: "promoter", count: nps?.promoters ?? 0 },
    { key: "passive", count: nps?.passives ?? 0 },
    { key: "detractor", count: nps?.detractors ?? 0 },
  ];
  return (
    <Card h="100%">
      <Stack gap="sm">
        <Text size="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {t("nps.categories")}
        </Text>
        <Progress.Root size={14} radius="xl" aria-hidden={n === 0}>
          {n > 0
            ? parts.map((part) =>
                part.count > 0 ? (
                  <Progress.Section
                    key={part.key}
                    value={(part.count / n) * 100}
                    color={categoryColours[part.key]}
                    aria-label={t(`category.${part.key}`)}
                  />
                ) : null,
              )
            : null}
        </Progress.Root>
        <Stack gap={6}>
          {parts.map((part) => (
            <Group key={part.key} justify="space-between" wrap="nowrap">
              <Group gap={8} wrap="nowrap">
                <span
                  aria-hidden="true"
                  style={{
                    width: 10,
                    height: 10,
                    borderRadius: 3,
                    background: categoryColours[part.key],
                    display: "inline-block",
                  }}
                />
                <Text size="sm">
                  {t(`category.${part.key}Plural`)}{" "}
                  <Text span c="dimmed" size="xs">
                    {t(`category.${part.key}Range`)}
                  </Text>
                </Text>
              </Group>
              <Text size="sm" fw={600} ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                {n > 0 ? f.percent(part.count / n) : "–"}{" "}
                <Text span c="dimmed" size="xs" fw={400}>
                  ({f.int(part.count)})
                </Text>
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const category = categoryOf(score);
  return (
    <Badge
      size="lg"
      variant="filled"
      color={categoryColours[category]}
      autoContrast
      aria-label={t("responses.scoreLabel", { score, category: t(`category.${category}`) })}
      w={40}
      px={0}
      style={{ flexShrink: 0 }}
    >
      {score}
    </Badge>
  );
}

/** Two periods side by side and, in words, whether the change is more than chance. */
export function CompareCard({
  comparison,
  currentLabel,
  previousLabel,
  title,
  children,
}: {
  comparison: NpsComparison | undefined;
  currentLabel: string;
  previousLabel: string;
  title?: string;
  /** Extra controls at the bottom, e.g. which period to compare with. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const current = comparison?.current;
  const previous = comparison?.previous;
  const difference = comparison?.difference ?? null;
  const canCompare = comparison !== undefined && difference !== null;

  return (
    <Card h="100%">
      <Stack gap="sm">
        <Text size="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {title ?? t("compare.title")}
        </Text>
        <Group grow gap="md" align="flex-start">
          {[
            { label: currentLabel, nps: current },
            { label: previousLabel, nps: previous },
          ].map((period) => (
            <Stack key={period.label} gap={2}>
              <Text size="xs" c="dimmed">
                {period.label}
              </Text>
              <Text fz={26} fw={700} lh={1.2} className="tabular">
                {f.nps(period.nps?.nps)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("nps.nShort", { formatted: f.int(period.nps?.n ?? 0) })}
                {period.nps?.marginOfError95 != null
                  ? ` · ± ${f.margin(period.nps.marginOfError95)}`
                  : ""}
              </Text>
            </Stack>
          ))}
        </Group>
        {canCompare ? (
          <Stack gap={6} data-testid="compare-result">
            <Group gap="xs">
              <Text fw={600} className="tabular">
                {t("compare.change", { difference: f.signed(difference) })}
              </Text>
              <Badge
                color={
                  comparison.significant
                    ? difference >= 0
                      ? categoryColours.promoter
                      : categoryColours.detractor
                    : "gray"
                }
                variant={comparison.significant ? "filled" : "light"}
                tt="none"
                size="md"
              >
                {comparison.significant ? t("compare.significant") : t("compare.notSignificant")}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {comparison.significant
                ? t("compare.significantText", {
                    difference: f.signed(difference),
                    p: comparison.pValue === null ? "–" : f.pValue(comparison.pValue),
                  })
                : t("compare.notSignificantText", {
                    difference: f.signed(difference),
                    p: comparison.pValue === null ? "–" : f.pValue(comparison.pValue),
                  })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("compare.notEnough")}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}
