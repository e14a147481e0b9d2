import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from "@mantine/core";

/** A deep Nordic teal: calm, trustworthy, readable on white (shade 8 passes AA for text). */
const fjord: MantineColorsTuple = [
  "#e8f5f5",
  "#d3e9ea",
  "#a6d2d4",
  "#75b9bc",
  "#4ea4a8",
  "#35979b",
  "#258f94",
  "#137c81",
  "#036e73",
  "#005f63",
];

/** NPS category colours, also used by charts (which cannot read CSS variables). */
export const categoryColours = {
  detractor: "#c5373a",
  passive: "#d9a21b",
  promoter: "#2b8046",
} as const;

export const chartColours = {
  primary: "#036e73",
  band: "rgba(3, 110, 115, 0.14)",
  axis: "#5f6b73",
  grid: "#e6eaec",
  text: "#3d4a50",
};

export const theme = createTheme({
  primaryColor: "fjord",
  primaryShade: { light: 8, dark: 5 },
  colors: { fjord },
  defaultRadius: "md",
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: "650",
  },
  components: {
    Card: { defaultProps: { radius: "lg", withBorder: true, padding: "lg", shadow: "xs" } },
    Paper: { defaultProps: { radius: "lg" } },
    Button: { defaultProps: { radius: "md" } },
    Badge: { defaultProps: { radius: "sm" } },
    Table: { defaultProps: { verticalSpacing: "sm" } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Mantine's default dimmed grey (#868e96) is 3.3:1 on white; this one passes WCAG AA.
  light: { "--anbefal-surface": "#ffffff", "--mantine-color-dimmed": "#5f6b73" },
  dark: { "--anbefal-surface": "var(--mantine-color-dark-7)" },
});
