import { Box, Container, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { AppFooter } from "./AppFooter";
import { Brand } from "./Brand";
import { LanguageSwitch } from "./LanguageSwitch";
import { MAIN_ID } from "./SkipLink";

/** Header, main and footer for pages shown without a session (login, accessibility statement, 404). */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <Box style={{ minHeight: "100dvh", display: "flex", flexDirection: "column" }}>
      <header style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Group justify="space-between" px="md" h={64}>
          <Brand />
          <LanguageSwitch />
        </Group>
      </header>
      <Box component="main" id={MAIN_ID} tabIndex={-1} p="md" style={{ flex: 1 }}>
        <Container size="lg" px={0}>
          {children}
        </Container>
      </Box>
      <AppFooter />
    </Box>
  );
}
