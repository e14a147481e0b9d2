/**
 * Mantine's Anchor and Button as type-checked router links. `component={Link}` would lose
 * the route types (Mantine's polymorphism erases Link's generics), so `to`, `params` and
 * `search` would go unchecked.
 */
import { Anchor, type AnchorProps, Button, type ButtonProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

type AnchorBaseProps = Omit<AnchorProps, "href"> &
  Omit<ComponentPropsWithRef<"a">, "color" | "style">;

function AnchorBase(props: AnchorBaseProps) {
  return <Anchor {...props} />;
}

type ButtonBaseProps = Omit<ButtonProps, "href"> &
  Omit<ComponentPropsWithRef<"a">, "color" | "style">;

function ButtonBase(props: ButtonBaseProps) {
  return <Button component="a" {...props} />;
}

const CreatedAnchorLink = createLink(AnchorBase);
const CreatedButtonLink = createLink(ButtonBase);

export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);
