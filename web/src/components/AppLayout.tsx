import { AppShell, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppFooter } from "./AppFooter";
import { Brand } from "./Brand";
import { LanguageSwitch } from "./LanguageSwitch";
import { MainNav } from "./MainNav";
import { MAIN_ID } from "./SkipLink";
import { UserMenu } from "./UserMenu";
import { UserSummary } from "./UserSummary";
import { useOptionalMe } from "../features/auth/useSession";

const HEADER_HEIGHT = 64;
const FOOTER_SPACE = "4rem";

/** The signed-in shell: header, role menu, main content and footer. */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // On logout or an expired session the user is cleared just before the move to the login page.
  const me = useOptionalMe();
  if (!me) return null;
  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("app.toggleNav")}
              aria-expanded={opened}
            />
            <Brand />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UserSummary />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" style={{ overflowY: "auto" }}>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} style={{ minHeight: `calc(100dvh - ${FOOTER_SPACE})` }}>
        {children ?? <Outlet />}
      </AppShell.Main>
      <AppFooter style={{ paddingInlineStart: "var(--app-shell-navbar-offset, 0rem)" }} />
    </AppShell>
  );
}
