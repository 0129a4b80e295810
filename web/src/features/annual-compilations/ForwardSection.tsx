import { Button, Group, List, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CompilationForward, type CountyCompilation } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { forwardCompilation, invalidateCompilations } from "./api";
import { notAcceptedRows } from "./model";

/**
 * Forwarding to the agency (R2.4-2): the county head confirms with the registration number, seeing which
 * municipalities' reports are missing or not accepted; every forwarding is a frozen version, a later one a correction.
 */
export function ForwardSection({ code, data }: { code: string; data: CountyCompilation }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const correction = data.versions.length > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="forward-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="forward-heading">
          {t("annualCompilations.forward.title")}
        </Title>
        <Text maw={820}>{t("annualCompilations.forward.intro")}</Text>
        {data.can.forward ? (
          <div>
            <Button
              leftSection={<IconSend size={18} aria-hidden />}
              onClick={() => setOpen(true)}
              data-testid="compilation-forward"
            >
              {t(correction ? "annualCompilations.forward.correction" : "annualCompilations.forward.button")}
            </Button>
          </div>
        ) : (
          data.can.edit && <Text size="sm">{t("annualCompilations.forward.onlyHead")}</Text>
        )}
        <Versions data={data} />
      </Stack>
      {data.can.forward && (
        <AppModal
          opened={open}
          onClose={() => setOpen(false)}
          title={t(
            correction ? "annualCompilations.forward.modalCorrection" : "annualCompilations.forward.modalTitle",
            {
              year: data.year,
            },
          )}
        >
          <ForwardForm code={code} data={data} onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
        </AppModal>
      )}
    </Paper>
  );
}

function ForwardForm({
  code,
  data,
  onDone,
  onCancel,
}: {
  code: string;
  data: CountyCompilation;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: { version?: number | undefined; registrationNumber: string }) =>
      forwardCompilation(code, data.year, body),
    onSuccess: () => {
      notifySaved(t("annualCompilations.forward.done"));
      invalidateCompilations(queryClient);
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) invalidateCompilations(queryClient);
      else contract.onServerError(error);
    },
  });
  const contract = useContractForm({
    schema: CompilationForward,
    initialValues: { registrationNumber: "" },
    toInput: (v) => ({ version: data.version, registrationNumber: v.registrationNumber.trim() }),
    validate: (v) => ({
      registrationNumber: v.registrationNumber.trim()
        ? undefined
        : t("annualCompilations.forward.registrationRequired"),
    }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const stale = isApiError(mutation.error) && mutation.error.status === 409;
  const open = notAcceptedRows(data.rows);
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        {stale && (
          <Text c="red.9" role="alert">
            {t("annualCompilations.forward.stale")}
          </Text>
        )}
        {!data.assessment.trim() && (
          <Text c="red.9" role="alert" data-testid="forward-assessment-missing">
            {t("annualCompilations.forward.assessmentMissing")}
          </Text>
        )}
        <TextInput
          label={t("annualCompilations.forward.registrationNumber")}
          description={t("annualCompilations.forward.registrationHelp")}
          required
          data-autofocus
          {...contract.field("registrationNumber")}
        />
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("annualCompilations.forward.notAcceptedTitle")}
          </Title>
          {open.length === 0 ? (
            <Text size="sm">{t("annualCompilations.forward.allAccepted")}</Text>
          ) : (
            <List size="sm" data-testid="forward-not-accepted">
              {open.map((r) => (
                <List.Item key={r.municipality.code}>
                  {r.municipality.name}: {t(`annualCompilations.status.${r.status}`)}
                  {r.missing ? ` (${t("annualCompilations.missing")})` : ""}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} leftSection={<IconSend size={18} aria-hidden />}>
            {t("annualCompilations.forward.confirm")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("annualCompilations.forward.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Versions({ data }: { data: CountyCompilation }) {
  const { t } = useTranslation();
  const caption = t("annualCompilations.versions.caption");
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t("annualCompilations.versions.title")}
      </Title>
      {data.versions.length === 0 ? (
        <EmptyState>{t("annualCompilations.versions.empty")}</EmptyState>
      ) : (
        <TableScroll label={caption} minWidth={720}>
          <Table withTableBorder striped data-testid="compilation-versions">
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("annualCompilations.versions.colNumber")}</Table.Th>
                <Table.Th scope="col">{t("annualCompilations.versions.colDate")}</Table.Th>
                <Table.Th scope="col">{t("annualCompilations.versions.colDnr")}</Table.Th>
                <Table.Th scope="col">{t("annualCompilations.versions.colBy")}</Table.Th>
                <Table.Th scope="col">{t("annualCompilations.versions.colNotAccepted")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.versions.map((v) => (
                <Table.Tr key={v.number}>
                  <Table.Td>{v.number}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{v.forwardedOn}</Table.Td>
                  <Table.Td>{v.registrationNumber}</Table.Td>
                  <Table.Td>{v.forwardedBy?.name ?? t("annualCompilations.none")}</Table.Td>
                  <Table.Td>
                    {v.notAccepted.length}
                    {v.notAccepted.length > 0 && (
                      <Text size="xs" component="span" display="block">
                        {t("annualCompilations.versions.notAcceptedList", {
                          names: v.notAccepted.map((m) => m.name).join(", "),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
