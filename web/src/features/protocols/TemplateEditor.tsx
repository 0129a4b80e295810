import { Button, Stack, Text, Textarea, Group } from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ProtocolTemplate, ProtocolTemplateUpdate } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AppModal } from "../../components/AppModal";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { protocolKeys, protocolTemplateQuery, saveProtocolTemplate } from "./api";

/** A county head's editor of the county's protocol texts (the introduction and the closing). */
export function TemplateButton({ county }: { county: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconFileText size={18} aria-hidden />} onClick={() => setOpen(true)}>
        {t("protocols.template.edit")}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={t("protocols.template.title")}>
        {open && <Editor county={county} onDone={() => setOpen(false)} />}
      </AppModal>
    </>
  );
}

function Editor({ county, onDone }: { county: string; onDone: () => void }) {
  const template = useQuery(protocolTemplateQuery(county));
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
  template: ProtocolTemplate;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: z.input<typeof ProtocolTemplateUpdate>) => saveProtocolTemplate(county, body),
    onSuccess: (next) => {
      queryClient.setQueryData(protocolKeys.template(county), next);
      notifySaved(t("protocols.template.saved"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ProtocolTemplateUpdate,
    initialValues: { intro: template.intro, closing: template.closing },
    toInput: (v) => ({ ...v, version: template.version }),
    onSubmit: (input) => mutation.mutate(input),
  });
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text>{t("protocols.template.intro")}</Text>
        {template.isDefault && (
          <Text size="sm" fs="italic">
            {t("protocols.template.default")}
          </Text>
        )}
        <FormMessages form={contract} />
        <Textarea
          label={t("protocols.template.introLabel")}
          required
          autosize
          minRows={3}
          {...contract.field("intro")}
        />
        <Textarea label={t("protocols.template.closingLabel")} autosize minRows={2} {...contract.field("closing")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("protocols.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("protocols.template.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
