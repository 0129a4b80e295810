import { Paper, Text } from "@mantine/core";

/** A plain sentence where a table would be empty. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" my="md">
      <Text>{children}</Text>
    </Paper>
  );
}
