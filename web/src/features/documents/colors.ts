/**
 * Text colours that keep AA contrast (4.5:1) on white and on Mantine's light fills of the same hue;
 * Mantine's own green 9 and orange 9 do not reach it on their light fills.
 */
export const TEXT_COLOR: Record<string, string> = {
  gray: "var(--mantine-color-gray-9)",
  red: "var(--mantine-color-red-9)",
  blue: "var(--mantine-color-blue-9)",
  violet: "var(--mantine-color-violet-9)",
  green: "#1f6b30",
  orange: "#a13c00",
};
