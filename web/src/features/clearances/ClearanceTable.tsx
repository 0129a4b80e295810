import { Button, Group, Table, Text } from "@mantine/core";
import { IconBan, IconCircleCheck, IconClockOff, type Icon } from "@tabler/icons-react";
import type { Clearance } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { breakable } from "../../components/breakable";
import { TableScroll } from "../../components/TableScroll";
import { formatDate } from "../../lib/formatDate";
import { clearanceState, type ClearanceState } from "./clearanceLabels";

const STATE_ICON: Record<ClearanceState, { icon: Icon; color: string }> = {
  active: { icon: IconCircleCheck, color: "var(--mantine-color-green-8)" },
  withdrawn: { icon: IconBan, color: "var(--mantine-color-red-8)" },
  expired: { icon: IconClockOff, color: "var(--mantine-color-gray-7)" },
};

interface ClearanceTableProps {
  caption: string;
  items: Clearance[];
  /** "Hela länet" or the municipality's name. */
  scopeName: (c: Clearance) => string;
  /** Show who holds each clearance (not needed for one's own). */
  showUser?: boolean;
  onWithdraw?: (c: Clearance) => void;
  busy?: boolean;
}

/** Clearances with scope, undertaking date, end date and status in words (and a symbol). */
export function ClearanceTable({ caption, items, scopeName, showUser = true, onWithdraw, busy }: ClearanceTableProps) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption} minWidth={showUser ? 960 : 720}>
      <Table striped withTableBorder aria-busy={busy}>
        <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {showUser && <Table.Th scope="col">{t("clearances.colUser")}</Table.Th>}
            <Table.Th scope="col">{t("clearances.colScope")}</Table.Th>
            <Table.Th scope="col">{t("clearances.colSigned")}</Table.Th>
            <Table.Th scope="col">{t("clearances.colValidUntil")}</Table.Th>
            <Table.Th scope="col">{t("clearances.colStatus")}</Table.Th>
            <Table.Th scope="col">{t("clearances.colGranted")}</Table.Th>
            {onWithdraw && (
              <Table.Th scope="col">
                <span className="visually-hidden-text">{t("clearances.colActions")}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ verticalAlign: "top" }}>
          {items.map((c) => {
            const state = clearanceState(c);
            const { icon: StateIcon, color } = STATE_ICON[state];
            return (
              <Table.Tr key={c.id}>
                {showUser && (
                  <Table.Td>
                    <Text fw={500}>{c.user.name}</Text>
                    <Text size="sm" c="dimmed">
                      {breakable(c.user.email)}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  {scopeName(c)}
                  {c.note && (
                    <Text size="sm" c="dimmed" maw={280}>
                      {c.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="nowrap">{c.undertakingSignedOn}</Table.Td>
                <Table.Td className="nowrap">{c.validUntil ?? t("clearances.untilFurther")}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <StateIcon size={18} color={color} aria-hidden />
                    <Text component="span" size="sm" fw={state === "active" ? 600 : 400}>
                      {t(`clearances.status.${state}`)}
                    </Text>
                  </Group>
                  {c.withdrawnAt && c.withdrawnBy && (
                    <Text size="xs" c="dimmed">
                      {t("clearances.withdrawnBy", {
                        date: formatDate(c.withdrawnAt),
                        name: c.withdrawnBy.name,
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t("clearances.grantedBy", { date: formatDate(c.grantedAt), name: c.grantedBy.name })}
                  </Text>
                </Table.Td>
                {onWithdraw && (
                  <Table.Td>
                    {state === "active" && (
                      <Button
                        size="xs"
                        variant="outline"
                        leftSection={<IconBan size={14} aria-hidden />}
                        aria-label={t("clearances.withdrawFor", { name: c.user.name, scope: scopeName(c) })}
                        onClick={() => onWithdraw(c)}
                      >
                        {t("clearances.withdraw")}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
