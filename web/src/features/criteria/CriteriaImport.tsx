import { Alert, Button, Checkbox, Input, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CriteriaImportQuery } from "@uppsikt/core";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { importCriteriaVersion, oversightKeys } from "../documents/county/api";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";

const ACCEPTED = /\.(ya?ml|xlsx)$/i;

/** The problems the server found in a library file: `details.issues` of a 400. */
function fileIssues(error: unknown): { location: string; message: string }[] {
  if (!isApiError(error)) return [];
  const details = error.details as { issues?: unknown } | undefined;
  if (!Array.isArray(details?.issues)) return [];
  return details.issues
    .filter((i): i is { location?: unknown; message?: unknown } => typeof i === "object" && i !== null)
    .map((i) => ({
      location: typeof i.location === "string" ? i.location : "",
      message: typeof i.message === "string" ? i.message : "",
    }))
    .filter((i) => i.message);
}

/** The agency imports a library version from YAML or Excel (multipart, field `file`), optionally activating it. */
export function CriteriaImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);

  const mutation = useMutation({
    mutationFn: ({ f, a }: { f: File; a: boolean }) => importCriteriaVersion(f, a),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: oversightKeys.criteriaAll });
      notifySaved(
        t(version.active ? "criteria.import.importedActive" : "criteria.import.imported", {
          version: version.version,
        }),
      );
      setFile(null);
      contract.form.reset();
      if (fileRef.current) fileRef.current.value = "";
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: CriteriaImportQuery,
    initialValues: { activate: false },
    toInput: (v) => ({ activate: v.activate ? "true" : "false" }),
    validate: () => ({
      file: !file
        ? t("criteria.import.fileRequired")
        : !ACCEPTED.test(file.name)
          ? t("criteria.import.fileType")
          : undefined,
    }),
    onSubmit: (_query, values) => {
      if (file) mutation.mutate({ f: file, a: values.activate });
    },
  });
  const fileError = contract.error("file");

  const issues = mutation.isError ? fileIssues(mutation.error) : [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="criteria-import-heading" mt="md">
      <form {...contract.formProps}>
        <Stack gap="md" maw={640}>
          <Title order={2} size="h3" id="criteria-import-heading">
            {t("criteria.import.title")}
          </Title>
          <Text>{t("criteria.import.intro")}</Text>
          <FormMessages form={contract} />
          {issues.length > 1 && (
            <Alert
              color="red"
              variant="light"
              title={t("criteria.import.issues")}
              styles={{
                message: { color: "var(--mantine-color-text)" },
                title: { color: "var(--mantine-color-red-9)" },
              }}
            >
              <List size="sm" spacing={2}>
                {issues.map((issue, i) => (
                  <List.Item key={i}>
                    {issue.location ? `${issue.location}: ${issue.message}` : issue.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Input.Wrapper
            label={t("criteria.import.file")}
            description={t("criteria.import.fileHelp")}
            error={fileError}
            id={inputId}
            labelProps={{ htmlFor: inputId }}
            required
            withAsterisk={false}
          >
            <input
              ref={fileRef}
              id={inputId}
              type="file"
              name="file"
              accept=".yaml,.yml,.xlsx,application/yaml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${inputId}-description${fileError ? ` ${inputId}-error` : ""}`}
              style={{ display: "block", marginTop: 4 }}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                contract.form.clearFieldError("file");
              }}
            />
          </Input.Wrapper>
          <Checkbox
            label={t("criteria.import.activate")}
            description={t("criteria.import.activateHelp")}
            {...contract.field("activate", { type: "checkbox" })}
          />
          <div>
            <Button type="submit" loading={mutation.isPending} leftSection={<IconFileImport size={18} aria-hidden />}>
              {t("criteria.import.submit")}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
