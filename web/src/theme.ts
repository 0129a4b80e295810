import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

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
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: "650" },
  components: {
    Anchor: { defaultProps: { underline: "always" } },
    // Required fields are told in words at the top of each form (and optional ones are marked),
    // rather than with an asterisk inside the label text.
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    NativeSelect: { defaultProps: { withAsterisk: false } },
    NumberInput: { defaultProps: { withAsterisk: false } },
    Textarea: { defaultProps: { withAsterisk: false } },
    Notification: { styles: { description: { color: "var(--mantine-color-text)" } } },
    Table: { defaultProps: { verticalSpacing: "xs", highlightOnHover: true } },
  },
});

/** Secondary text and error messages darker than Mantine's defaults, to reach 4.5:1 on white and light fills. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[8],
    "--mantine-color-error": t.colors.red[9],
    "--mantine-color-placeholder": t.colors.gray[7],
  },
  dark: {},
});
