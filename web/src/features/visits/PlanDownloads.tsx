import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { VisitLetterTemplateUpdate, type VisitLetterTemplate, type VisitPlanView } from "@uppsikt/core";
import { useState } from "react";
import type { z } from "zod";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { DownloadLink } from "../documents/DownloadLink";
import { letterTemplateQuery, saveLetterTemplate, visitKeys, visitLetterUrl, visitPlanExportUrl } from "./api";

/** The plan as an Excel sheet, and (for a county head of the county) the information letter's template (R2.9-1). */
export function PlanDownloads({ plan, mayEditTemplate }: { plan: VisitPlanView; mayEditTemplate: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Group gap="lg" wrap="wrap" align="center">
      <DownloadLink
        href={visitPlanExportUrl(plan.county.code, plan.period)}
        fileName={`besoksplan-${plan.county.code}-${plan.period}.xlsx`}
      >
        {t("visits.plan.exportExcel")}
      </DownloadLink>
      {mayEditTemplate && (
        <Button variant="default" leftSection={<IconFileText size={18} aria-hidden />} onClick={() => setEditing(true)}>
          {t("visits.plan.editTemplate")}
        </Button>
      )}
      <AppModal opened={editing} onClose={() => setEditing(false)} title={t("visits.plan.templateTitle")}>
        {editing && <TemplateEditor county={plan.county.code} onDone={() => setEditing(false)} />}
      </AppModal>
    </Group>
  );
}

/** The two links of one municipality's information letter. */
export function LetterLinks({
  plan,
  municipality,
}: {
  plan: VisitPlanView;
  municipality: { code: string; name: string };
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      {(["pdf", "docx"] as const).map((format) => {
        const name = t(format === "pdf" ? "visits.plan.letterPdf" : "visits.plan.letterDocx");
        return (
          <DownloadLink
            key={format}
            href={visitLetterUrl(plan.county.code, municipality.code, plan.period, format)}
            fileName={`informationsbrev-besok-${municipality.name}-${plan.period}.${format}`}
            label={`${name}, ${t("visits.plan.letterLabel", { municipality: municipality.name, format: name })}`}
          >
            {name}
          </DownloadLink>
        );
      })}
    </Group>
  );
}

function TemplateEditor({ county, onDone }: { county: string; onDone: () => void }) {
  const template = useQuery(letterTemplateQuery(county));
  if (template.isPending) return <LoadingState />;
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} />;
  return <TemplateForm county={county} template={template.data} onDone={onDone} />;
}

function TemplateForm({
  county,
  template,
  onDone,
}: {
  county: string;
  template: VisitLetterTemplate;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: z.input<typeof VisitLetterTemplateUpdate>) => saveLetterTemplate(county, body),
    onSuccess: (next) => {
      queryClient.setQueryData(visitKeys.letterTemplate(county), next);
      notifySaved(t("visits.plan.templateSaved"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: VisitLetterTemplateUpdate,
    initialValues: { purpose: template.purpose, process: template.process, closing: template.closing },
    toInput: (v) => ({ ...v, version: template.version }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text>{t("visits.plan.templateIntro")}</Text>
        {template.isDefault && (
          <Text size="sm" fs="italic">
            {t("visits.plan.templateDefault")}
          </Text>
        )}
        <FormMessages form={contract} />
        <Textarea label={t("visits.plan.templatePurpose")} required autosize minRows={3} {...field("purpose")} />
        <Textarea label={t("visits.plan.templateProcess")} required autosize minRows={3} {...field("process")} />
        <Textarea label={t("visits.plan.templateClosing")} autosize minRows={2} {...field("closing")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("visits.plan.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("visits.plan.templateSave")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
