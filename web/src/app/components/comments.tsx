import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ResponseItem } from "../api/types";
import { useFormat } from "../format";
import { ScoreBadge } from "./nps";

/**
 * One answer with its comment. The comment is someone else's text: it is rendered as a
 * plain React text node (escaped), never as HTML.
 */
export function CommentItem({ response }: { response: ResponseItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const context = [response.team, response.touchpoint, response.employee].filter(
    (value): value is string => Boolean(value),
  );

  return (
    <Group
      component="li"
      align="flex-start"
      wrap="nowrap"
      gap="md"
      py="sm"
      data-testid="comment-item"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <ScoreBadge score={response.score} />
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        {response.comment ? (
          <Text className="comment-text" lang={response.language ?? undefined}>
            {response.comment}
          </Text>
        ) : (
          <Text c="dimmed" fs="italic" size="sm">
            {t("responses.noComment")}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            <time dateTime={response.createdAt}>{f.dateTime(response.createdAt)}</time>
            {response.name ? ` · ${response.name}` : ""}
          </Text>
          {context.map((value) => (
            <Badge key={value} variant="light" color="gray" size="sm" tt="none" fw={500}>
              {value}
            </Badge>
          ))}
          {response.channel ? (
            <Badge variant="outline" color="gray" size="sm" tt="none" fw={500}>
              {t(`channels.${response.channel}`, { defaultValue: response.channel })}
            </Badge>
          ) : null}
          {response.consentToDisplay ? (
            <Badge variant="light" color="fjord" size="sm" tt="none" fw={500}>
              {t("responses.mayShow")}
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </Group>
  );
}

export function CommentList({ items }: { items: ResponseItem[] }) {
  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((item) => (
        <CommentItem key={item.id} response={item} />
      ))}
    </Stack>
  );
}
