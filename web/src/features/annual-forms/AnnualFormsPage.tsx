import { Badge, Button, Checkbox, Group, Input, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconDownload, IconFileImport } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AnnualFormUpdate, compareSwedish, type AnnualForm, type AnnualFormSummary } from "@uppsikt/core";
import { useId, useRef, useState, type CSSProperties, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { DateField } from "../../components/DateField";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { TEXT_COLOR } from "../documents/colors";
import {
  exportUrl,
  formQuery,
  formsQuery,
  importForm,
  invalidateForms,
  newFormVersion,
  publishForm,
  updateForm,
} from "./api";
import { FormPreview } from "./FormPreview";

/** Blanketter för årsuppföljning: the agency's yearly forms (R2.4-1). */
export function AnnualFormsPage() {
  return (
    <RequireAccess action="annualForms.write">
      <FormsView />
    </RequireAccess>
  );
}

type Modal = { kind: "preview" | "publish" | "edit"; form: AnnualFormSummary } | { kind: "import" } | null;

function Mark({ color, children }: { color: string; children: string }) {
  return (
    <Badge
      variant="light"
      color={color}
      tt="none"
      radius="sm"
      style={{ "--badge-color": TEXT_COLOR[color] ?? TEXT_COLOR.gray } as CSSProperties}
    >
      {children}
    </Badge>
  );
}

function FormsView() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const forms = useQuery(formsQuery);
  const [modal, setModal] = useState<Modal>(null);
  const newVersion = useMutation({
    mutationFn: (id: string) => newFormVersion(id),
    onSuccess: () => {
      invalidateForms(queryClient);
      notifySaved(t("annualForms.newVersionDone"));
    },
  });
  const caption = t("annualForms.caption");
  const close = () => setModal(null);
  const names = (f: AnnualFormSummary) => ({ year: f.year, number: f.number });
  return (
    <Page
      title={t("annualForms.title")}
      intro={t("annualForms.intro")}
      actions={
        <Button leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setModal({ kind: "import" })}>
          {t("annualForms.import")}
        </Button>
      }
    >
      {newVersion.isError && <ErrorState error={newVersion.error} />}
      <QueryView query={forms}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState>{t("annualForms.empty")}</EmptyState>
          ) : (
            <TableScroll label={caption} minWidth={980}>
              <Table withTableBorder striped style={{ verticalAlign: "top" }} data-testid="annual-forms">
                <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("annualForms.colYear")}</Table.Th>
                    <Table.Th scope="col">{t("annualForms.colVersion")}</Table.Th>
                    <Table.Th scope="col">{t("annualForms.colStatus")}</Table.Th>
                    <Table.Th scope="col">{t("annualForms.colDeadline")}</Table.Th>
                    <Table.Th scope="col">{t("annualForms.colForwarding")}</Table.Th>
                    <Table.Th scope="col">{t("annualForms.colQuestions")}</Table.Th>
                    <Table.Th scope="col">{t("annualForms.colActions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...items]
                    .sort((a, b) => b.year - a.year || b.number - a.number || compareSwedish(a.title, b.title))
                    .map((f) => (
                      <Table.Tr key={f.id} data-testid={`annual-form-${f.year}-${f.number}`}>
                        <Table.Th scope="row">
                          <Stack gap={2}>
                            <Text fw={600}>{f.year}</Text>
                            <Text size="sm">{f.title}</Text>
                          </Stack>
                        </Table.Th>
                        <Table.Td>{f.number}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <Mark color={f.status === "published" ? "green" : "blue"}>
                              {t(`annualForms.status.${f.status}`)}
                            </Mark>
                            {f.current && <Mark color="violet">{t("annualForms.current")}</Mark>}
                            {f.example && <Mark color="gray">{t("annualForms.example")}</Mark>}
                          </Group>
                        </Table.Td>
                        <Table.Td className="nowrap">{f.deadline}</Table.Td>
                        <Table.Td className="nowrap">{f.forwardingDeadline}</Table.Td>
                        <Table.Td>{f.questions}</Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            <Button
                              size="xs"
                              variant="outline"
                              aria-label={t("annualForms.previewFor", names(f))}
                              onClick={() => setModal({ kind: "preview", form: f })}
                            >
                              {t("annualForms.preview")}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              component="a"
                              href={exportUrl(f.id, "yaml")}
                              leftSection={<IconDownload size={14} aria-hidden />}
                              aria-label={t("annualForms.exportYamlFor", names(f))}
                            >
                              {t("annualForms.exportYaml")}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              component="a"
                              href={exportUrl(f.id, "xlsx")}
                              leftSection={<IconDownload size={14} aria-hidden />}
                              aria-label={t("annualForms.exportXlsxFor", names(f))}
                            >
                              {t("annualForms.exportXlsx")}
                            </Button>
                            {f.status === "draft" ? (
                              <>
                                <Button
                                  size="xs"
                                  variant="outline"
                                  aria-label={t("annualForms.editFor", names(f))}
                                  onClick={() => setModal({ kind: "edit", form: f })}
                                >
                                  {t("annualForms.edit")}
                                </Button>
                                <Button
                                  size="xs"
                                  aria-label={t("annualForms.publishFor", names(f))}
                                  onClick={() => setModal({ kind: "publish", form: f })}
                                >
                                  {t("annualForms.publish")}
                                </Button>
                              </>
                            ) : (
                              <Button
                                size="xs"
                                variant="outline"
                                aria-label={t("annualForms.newVersionFor", names(f))}
                                loading={newVersion.isPending && newVersion.variables === f.id}
                                onClick={() => newVersion.mutate(f.id)}
                              >
                                {t("annualForms.newVersion")}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryView>
      <AppModal
        opened={modal !== null}
        onClose={close}
        title={
          modal?.kind === "import"
            ? t("annualForms.importTitle")
            : modal?.kind === "publish"
              ? t("annualForms.publishTitle")
              : modal?.kind === "edit"
                ? t("annualForms.editTitle")
                : modal
                  ? t("annualForms.previewTitle", { title: modal.form.title, ...names(modal.form) })
                  : ""
        }
      >
        {modal?.kind === "import" && <ImportForm onDone={close} />}
        {modal && modal.kind !== "import" && <WithForm id={modal.form.id} kind={modal.kind} onDone={close} />}
      </AppModal>
    </Page>
  );
}

function WithForm({ id, kind, onDone }: { id: string; kind: "preview" | "publish" | "edit"; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useQuery(formQuery(id));
  if (form.isPending) return <LoadingState />;
  if (form.isError) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;
  if (kind === "publish") return <PublishForm form={form.data} onDone={onDone} />;
  if (kind === "edit") return <EditForm form={form.data} onDone={onDone} />;
  return (
    <Stack gap="md">
      <FormPreview form={form.data} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("annualForms.close")}
        </Button>
      </Group>
    </Stack>
  );
}

function PublishForm({ form, onDone }: { form: AnnualForm; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => publishForm(form.id, form.version),
    onSuccess: () => {
      invalidateForms(queryClient);
      notifySaved(t("annualForms.published"));
      onDone();
    },
  });
  return (
    <Stack gap="md">
      <Text>{t("annualForms.publishText", { year: form.year, number: form.number })}</Text>
      {publish.isError && <ErrorState error={publish.error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {t("annualForms.cancel")}
        </Button>
        <Button loading={publish.isPending} onClick={() => publish.mutate()}>
          {t("annualForms.publishConfirm")}
        </Button>
      </Group>
    </Stack>
  );
}

function EditForm({ form, onDone }: { form: AnnualForm; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: AnnualFormUpdate) => updateForm(form.id, body),
    onSuccess: () => {
      invalidateForms(queryClient);
      notifySaved(t("annualForms.saved"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: AnnualFormUpdate,
    initialValues: {
      title: form.title,
      deadline: form.deadline,
      forwardingDeadline: form.forwardingDeadline,
      example: form.example,
    },
    toInput: (v) => ({ ...v, version: form.version, definition: form.definition }),
    onSubmit: (body) => mutation.mutate(body),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        <TextInput label={t("annualForms.titleLabel")} required {...field("title")} />
        <DateField label={t("annualForms.deadline")} required w={260} {...field("deadline")} />
        <DateField label={t("annualForms.forwardingDeadline")} required w={260} {...field("forwardingDeadline")} />
        <Checkbox label={t("annualForms.exampleLabel")} {...field("example", { type: "checkbox" })} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("annualForms.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("annualForms.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append("file", file, file.name);
      return importForm(body);
    },
    onSuccess: () => {
      invalidateForms(queryClient);
      notifySaved(t("annualForms.importDone"));
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t("annualForms.importChoose"));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    mutation.mutate(file);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t("annualForms.importIntro")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <Input.Wrapper label={t("annualForms.importFile")} required error={fileError} id={inputId}>
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept=".yaml,.yml,.xlsx,application/yaml,text/yaml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
          />
        </Input.Wrapper>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("annualForms.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("annualForms.import")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
