import { Badge, Button, Group, Stack, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useMe, useSetHiddenFromWalls } from "../api/queries";
import { GUARD_KINDS, type GuardCounts, type ResponseItem, type WallStatus } from "../api/types";
import { useFormat } from "../format";
import { useErrorMessage } from "./feedback";
import { IconEye, IconEyeOff, IconShield, IconTv } from "./icons";
import { ScoreBadge } from "./nps";

/**
 * One answer with its comment. The comment is someone else's text: it is rendered as a
 * plain React text node (escaped), never as HTML.
 */
export function CommentItem({ response }: { response: ResponseItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data: me } = useMe();
  const canModerate = me?.role === "admin" || me?.role === "manager";
  const context = [response.team, response.touchpoint, response.employee].filter(
    (value): value is string => Boolean(value),
  );
  const isPromoter = response.wallStatus ? response.wallStatus !== "not-promoter" : false;

  return (
    <Group
      component="li"
      align="flex-start"
      wrap="nowrap"
      gap="md"
      py="sm"
      data-testid="comment-item"
      data-wall-status={response.wallStatus}
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
        <GuardNote guard={response.guard} />
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
          {/* For promoters the wall badge says it all, consent included. */}
          {response.consentToDisplay && !isPromoter ? (
            <Badge variant="light" color="fjord" size="sm" tt="none" fw={500}>
              {t("responses.mayShow")}
            </Badge>
          ) : null}
          {isPromoter ? <WallBadge response={response} /> : null}
          {isPromoter && canModerate ? <HideFromWallsButton response={response} /> : null}
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

/** Light badges with a dark text shade, so every label passes WCAG AA contrast. */
const WALL_BADGE: Record<
  Exclude<WallStatus, "not-promoter">,
  { color: string; text: string; variant: "light" | "outline" }
> = {
  shown: { color: "teal", text: "teal.9", variant: "light" },
  "score-only": { color: "gray", text: "gray.8", variant: "light" },
  redacted: { color: "blue", text: "blue.9", variant: "light" },
  "held-back": { color: "red", text: "red.9", variant: "light" },
  hidden: { color: "gray", text: "gray.8", variant: "outline" },
};

/** The guard's kinds in the reader's language, joined as a sentence: "telefonnummer og e-mail". */
function useKindList() {
  const { t } = useTranslation();
  const f = useFormat();
  return (guard: GuardCounts, only: (kind: string) => boolean = () => true): string => {
    const names = GUARD_KINDS.filter((kind) => (guard[kind] ?? 0) > 0 && only(kind)).map((kind) => {
      const count = guard[kind] ?? 0;
      const name = t(`guard.${kind}`);
      return count > 1 ? t("guard.withCount", { name, count }) : name;
    });
    return new Intl.ListFormat(f.locale, { style: "long", type: "conjunction" }).format(names);
  };
}

/** Why a promoter's answer is, or is not, on the walls; the reason in words on hover or tap. */
function WallBadge({ response }: { response: ResponseItem }) {
  const { t } = useTranslation();
  const kindList = useKindList();
  const id = useId();
  const status = response.wallStatus as Exclude<WallStatus, "not-promoter">;
  const look = WALL_BADGE[status] ?? WALL_BADGE["score-only"];

  let explanation: string;
  switch (status) {
    case "shown":
      explanation = t("responses.wall.shownHelp");
      break;
    case "score-only":
      explanation = response.comment
        ? t("responses.wall.noConsentHelp")
        : t("responses.wall.noCommentHelp");
      break;
    case "redacted": {
      // Personal data is named kind by kind; mild abuse is hidden too (strong abuse is held back).
      const personal = kindList(response.guard ?? {}, (kind) => kind !== "abuse");
      const abuse = (response.guard?.abuse ?? 0) > 0;
      explanation = personal
        ? [
            t("responses.wall.redactedHelp", { kinds: personal }),
            abuse ? t("responses.wall.redactedAbuseToo") : "",
          ]
            .join(" ")
            .trim()
        : t("responses.wall.redactedAbuseHelp");
      break;
    }
    case "held-back":
      explanation = t("responses.wall.heldBackHelp");
      break;
    default:
      explanation = t("responses.wall.hiddenHelp");
  }

  return (
    <>
      <Tooltip
        label={explanation}
        multiline
        w={280}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
      >
        <Badge
          variant={look.variant}
          color={look.color}
          c={look.text}
          size="sm"
          tt="none"
          fw={600}
          leftSection={<IconTv size={13} />}
          tabIndex={0}
          aria-describedby={id}
          data-testid="wall-badge"
          style={{ cursor: "help" }}
        >
          {t(`responses.wall.${status}`)}
        </Badge>
      </Tooltip>
      <VisuallyHidden id={id}>{explanation}</VisuallyHidden>
    </>
  );
}

/** A discreet line when the guard found personal data or abuse in the comment. */
function GuardNote({ guard }: { guard: GuardCounts | undefined }) {
  const { t } = useTranslation();
  const kindList = useKindList();
  if (!guard || Object.values(guard).every((count) => !count)) return null;
  const personal = kindList(guard, (kind) => kind !== "abuse");
  const parts = [
    personal ? t("responses.personalDataFound", { kinds: personal }) : null,
    (guard.abuse ?? 0) > 0 ? t("responses.abuseFound") : null,
  ].filter(Boolean);
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="guard-note">
      <Text c="dimmed" lh={0} mt={1} aria-hidden="true">
        <IconShield size={14} />
      </Text>
      <Text size="xs" c="dimmed">
        {parts.join(" · ")}
      </Text>
    </Group>
  );
}

function HideFromWallsButton({ response }: { response: ResponseItem }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const setHidden = useSetHiddenFromWalls();
  const hidden = response.hidden;
  return (
    <Group gap="xs" wrap="wrap" ml="auto" justify="flex-end">
      <Button
        variant="subtle"
        color={hidden ? "fjord" : "gray"}
        c={hidden ? undefined : "gray.8"}
        fw={500}
        size="compact-xs"
        px={6}
        leftSection={hidden ? <IconEye size={14} /> : <IconEyeOff size={14} />}
        loading={setHidden.isPending}
        onClick={() => setHidden.mutate({ id: response.id, hidden: !hidden })}
        data-testid={hidden ? "unhide-from-walls" : "hide-from-walls"}
      >
        {hidden ? t("responses.unhide") : t("responses.hide")}
      </Button>
      {setHidden.isError ? (
        <Text size="xs" c="red.8" role="alert">
          {message(setHidden.error)}
        </Text>
      ) : null}
    </Group>
  );
}
