import { createTheme, type MantineColorsTuple } from "@mantine/core";

/**
 * A calm public-sector blue. Shades 6–9 all reach at least 4.5:1 against white,
 * so text, links and filled buttons in the primary colour keep AA contrast.
 */
const uppsiktBlue: MantineColorsTuple = [
  "#e8f0fa",
  "#d0def2",
  "#a3bde4",
  "#739ad6",
  "#4a7cc9",
  "#2f67bf",
  "#1f5aa8",
  "#174a8c",
  "#123d75",
  "#0c2f5c",
];

export const theme = createTheme({
  primaryColor: "uppsikt",
  primaryShade: 7,
  colors: { uppsikt: uppsiktBlue },
  focusRing: "auto",
  defaultRadius: "sm",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: "650" },
  components: {
    Anchor: { defaultProps: { underline: "always" } },
    Table: { defaultProps: { verticalSpacing: "xs", highlightOnHover: true } },
  },
});
