import { Button, Group, Stack, Switch, Table, Text, TextInput, Textarea } from "@mantine/core";
import { IconCircleCheck, IconCircleMinus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { OslGroundInput, type OslGround } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createOslGround, oslGroundsQuery, oversightKeys, updateOslGround } from "../documents/county/api";
import { useAppConfig } from "../../api/useAppConfig";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import {
  ReferenceEditModal,
  ReferenceNewButton,
  ReferenceTable,
  type ReferenceEditing,
} from "../../components/ReferenceTable";
import { RequireAccess } from "../../components/RequireAccess";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";

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
  const [editing, setEditing] = useState<ReferenceEditing<OslGround>>(null);
  const caption = t("osl.caption");

  return (
    <Page
      title={t("osl.title")}
      intro={t("osl.intro", { agency: agencyName })}
      actions={
        mayWrite && <ReferenceNewButton onClick={() => setEditing({ mode: "new" })}>{t("osl.new")}</ReferenceNewButton>
      }
    >
      <QueryView query={grounds}>
        {({ items, total }) => (
          <ReferenceTable
            items={items}
            empty={t("osl.empty")}
            total={t("osl.total", { count: total })}
            gap="xs"
            caption={caption}
            minWidth={720}
            tableProps={{ "aria-busy": grounds.isFetching }}
            headers={[t("osl.colReference"), t("osl.colDescription"), t("osl.colStatus")]}
            rowKey={(g) => g.id}
            cells={(g) => (
              <>
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
              </>
            )}
            edit={
              mayWrite
                ? {
                    header: t("osl.colActions"),
                    text: t("common.edit"),
                    label: (g) => t("osl.editFor", { reference: g.reference }),
                    onEdit: (g) => setEditing({ mode: "edit", item: g }),
                  }
                : undefined
            }
          />
        )}
      </QueryView>
      {mayWrite && (
        <ReferenceEditModal
          editing={editing}
          onClose={() => setEditing(null)}
          titles={{ new: t("osl.form.titleNew"), edit: t("osl.form.titleEdit") }}
          itemKey={(g) => g.id}
          form={(g) => <OslGroundForm ground={g} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />}
        />
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
