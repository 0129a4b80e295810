import { Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconLockOpen } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { LoginThrottle } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { breakable } from "../../components/breakable";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { TableScroll } from "../../components/TableScroll";
import { notifyError, notifySaved } from "../../components/notify";
import { formatDateTime } from "../../lib/datetime";
import { liftLoginThrottle, loginThrottlesKeys, loginThrottlesQuery } from "./api";

/** The admin's list of login throttles in force, each with a button that lifts it. */
export function LoginThrottlesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const throttles = useQuery(loginThrottlesQuery);
  const account = (x: LoginThrottle) => x.email ?? t("admin.throttles.allAccounts");
  const address = (x: LoginThrottle) => x.address ?? t("admin.throttles.allAddresses");
  const lift = useMutation({
    mutationFn: async (x: LoginThrottle) => {
      await liftLoginThrottle(x.id);
      return x;
    },
    onSuccess: (x) => {
      void queryClient.invalidateQueries({ queryKey: loginThrottlesKeys.all });
      notifySaved(t("admin.throttles.lifted", { account: account(x) }));
    },
    onError: (error) => notifyError(error.message),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="login-throttles">
      <Stack gap="sm">
        <Title order={2} size="h4" id="login-throttles">
          {t("admin.throttles.title")}
        </Title>
        <Text size="sm" maw={760}>
          {t("admin.throttles.intro")}
        </Text>
        {throttles.isPending ? (
          <LoadingState />
        ) : throttles.isError ? (
          <ErrorState error={throttles.error} onRetry={() => void throttles.refetch()} />
        ) : throttles.data.items.length === 0 ? (
          <EmptyState>{t("admin.throttles.empty")}</EmptyState>
        ) : (
          <TableScroll label={t("admin.throttles.caption")} minWidth={640}>
            <Table striped withTableBorder>
              <Table.Caption className="visually-hidden-text">{t("admin.throttles.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("admin.throttles.colAccount")}</Table.Th>
                  <Table.Th scope="col">{t("admin.throttles.colAddress")}</Table.Th>
                  <Table.Th scope="col">{t("admin.throttles.colFailures")}</Table.Th>
                  <Table.Th scope="col">{t("admin.throttles.colUntil")}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden-text">{t("admin.throttles.colActions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {throttles.data.items.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td style={{ overflowWrap: "break-word", maxWidth: 260 }}>{breakable(account(x))}</Table.Td>
                    <Table.Td>{address(x)}</Table.Td>
                    <Table.Td>{x.failures}</Table.Td>
                    <Table.Td>{formatDateTime(x.blockedUntil)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        leftSection={<IconLockOpen size={14} aria-hidden />}
                        aria-label={t("admin.throttles.liftFor", { account: account(x), address: address(x) })}
                        loading={lift.isPending && lift.variables?.id === x.id}
                        onClick={() => lift.mutate(x)}
                      >
                        {t("admin.throttles.lift")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </Paper>
  );
}
