import { Button, Group, Stack, Switch, Table, Text, TextInput, Textarea } from "@mantine/core";
import { IconCircleCheck, IconCircleMinus, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { OslGroundInput, type OslGround } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createOslGround, oslGroundsQuery, oversightKeys, updateOslGround } from "../documents/county/api";
import { useAppConfig } from "../../api/useAppConfig";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";

type Editing = { mode: "new" } | { mode: "edit"; ground: OslGround } | null;

/** OSL-grunder: the national list of confidentiality grounds; everyone reads it, the agency maintains it. */
export function OslGroundsPage() {
  return (
    <RequireAccess action="oslGrounds.read">
      <OslGrounds />
    </RequireAccess>
  );
}

function OslGrounds() {
  const { t } = useTranslation();
  const me = useMe();
  const { agencyName } = useAppConfig();
  const grounds = useQuery(oslGroundsQuery);
  const mayWrite = can(me, "oslGrounds.write");
  const [editing, setEditing] = useState<Editing>(null);
  const caption = t("osl.caption");

  return (
    <Page
      title={t("osl.title")}
      intro={t("osl.intro", { agency: agencyName })}
      actions={
        mayWrite && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ mode: "new" })}>
            {t("osl.new")}
          </Button>
        )
      }
    >
      <QueryView query={grounds}>
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState>{t("osl.empty")}</EmptyState>
          ) : (
            <Stack gap="xs">
              <Text fw={600} aria-live="polite" aria-atomic>
                {t("osl.total", { count: total })}
              </Text>
              <TableScroll label={caption} minWidth={720}>
                <Table striped withTableBorder aria-busy={grounds.isFetching}>
                  <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("osl.colReference")}</Table.Th>
                      <Table.Th scope="col">{t("osl.colDescription")}</Table.Th>
                      <Table.Th scope="col">{t("osl.colStatus")}</Table.Th>
                      {mayWrite && (
                        <Table.Th scope="col">
                          <span className="visually-hidden-text">{t("osl.colActions")}</span>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody style={{ verticalAlign: "top" }}>
                    {items.map((g) => (
                      <Table.Tr key={g.id}>
                        <Table.Th scope="row" className="nowrap" fw={600}>
                          {g.reference}
                        </Table.Th>
                        <Table.Td maw={640}>{g.description}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {g.active ? (
                              <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-8)" />
                            ) : (
                              <IconCircleMinus size={18} aria-hidden color="var(--mantine-color-gray-7)" />
                            )}
                            <Text component="span" size="sm" className="nowrap">
                              {g.active ? t("osl.active") : t("osl.inactive")}
                            </Text>
                          </Group>
                        </Table.Td>
                        {mayWrite && (
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="outline"
                              leftSection={<IconPencil size={14} aria-hidden />}
                              aria-label={t("osl.editFor", { reference: g.reference })}
                              onClick={() => setEditing({ mode: "edit", ground: g })}
                            >
                              {t("common.edit")}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
          )
        }
      </QueryView>
      {mayWrite && (
        <AppModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing?.mode === "edit" ? t("osl.form.titleEdit") : t("osl.form.titleNew")}
        >
          {editing && (
            <OslGroundForm
              key={editing.mode === "edit" ? editing.ground.id : "new"}
              ground={editing.mode === "edit" ? editing.ground : undefined}
              onDone={() => setEditing(null)}
              onCancel={() => setEditing(null)}
            />
          )}
        </AppModal>
      )}
    </Page>
  );
}

function OslGroundForm({ ground, onDone, onCancel }: { ground?: OslGround; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: OslGroundInput) => (ground ? updateOslGround(ground.id, input) : createOslGround(input)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: oversightKeys.oslGrounds });
      notifySaved(t(ground ? "osl.form.updated" : "osl.form.created", { reference: saved.reference }));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: OslGroundInput,
    initialValues: {
      reference: ground?.reference ?? "",
      description: ground?.description ?? "",
      active: ground?.active ?? true,
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;

  return (
    <form {...contract.formProps} data-osl-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <TextInput
          label={t("osl.form.reference")}
          description={t("osl.form.referenceHelp")}
          required
          {...field("reference")}
        />
        <Textarea label={t("osl.form.description")} required autosize minRows={4} {...field("description")} />
        <Switch
          label={t("osl.form.active")}
          description={t("osl.form.activeHelp")}
          {...field("active", { type: "checkbox" })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {ground ? t("common.save") : t("osl.form.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
