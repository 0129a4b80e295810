import { SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A description list laid out as a grid: label above value. */
export function Facts({ children, cols = 4 }: { children: ReactNode; cols?: number }) {
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: cols }}
      spacing="sm"
      verticalSpacing="xs"
      component="dl"
      style={{ margin: 0 }}
    >
      {children}
    </SimpleGrid>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0, overflowWrap: "break-word" }}>
      <Text component="dt" size="sm" c="dark.5" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
