import { Button, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CompilationAssessmentPut, type CountyCompilation } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { invalidateCompilations, putAssessment } from "./api";

/** The county's own assessment of the effect of the measures taken (R2.4-2), a draft with a version lock. */
export function AssessmentSection({ code, data }: { code: string; data: CountyCompilation }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assessment-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="assessment-heading">
          {t("annualCompilations.assessment.title")}
        </Title>
        {data.can.edit ? (
          <AssessmentForm code={code} data={data} />
        ) : (
          <Text style={{ whiteSpace: "pre-wrap" }} maw={820}>
            {data.assessment || t("annualCompilations.assessment.readOnly")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function AssessmentForm({ code, data }: { code: string; data: CountyCompilation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: { version: number; assessment: string }) => putAssessment(code, data.year, body),
    onSuccess: () => {
      notifySaved(t("annualCompilations.assessment.saved"));
      invalidateCompilations(queryClient);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) invalidateCompilations(queryClient);
      else contract.onServerError(error);
    },
  });
  const contract = useContractForm({
    schema: CompilationAssessmentPut,
    initialValues: { assessment: data.assessment },
    toInput: (v) => ({ version: data.version, assessment: v.assessment }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const stale = isApiError(mutation.error) && mutation.error.status === 409;
  return (
    <form {...contract.formProps}>
      <Stack gap="sm" maw={820}>
        <FormMessages form={contract} />
        {stale && (
          <Text c="red.9" role="alert">
            {t("annualCompilations.assessment.stale")}
          </Text>
        )}
        <Textarea
          label={t("annualCompilations.assessment.label")}
          description={t("annualCompilations.assessment.help")}
          autosize
          minRows={5}
          maxRows={20}
          {...contract.field("assessment")}
        />
        <div>
          <Button type="submit" loading={mutation.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            {t("annualCompilations.assessment.save")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
