import { ActionIcon, Menu, Text } from "@mantine/core";
import { IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useLogout, useMe } from "../features/auth/useSession";

/** The signed-in user's menu; holds "Logga ut". */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal transitionProps={{ duration: 0 }}>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={t("app.userMenu")}>
          <IconUserCircle size={26} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" c="dark.6">
            {t("app.signedInAs")}
          </Text>
          <Text size="sm" fw={600} c="dark.9">
            {me.name}
          </Text>
          <Text size="xs" c="dark.6">
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={() => logout.mutate()}>
          {t("app.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
