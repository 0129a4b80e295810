import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ProtocolView, VisitUpdate, type VisitView } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateField";
import { notifyError, notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { BasisField } from "../documents/BasisField";
import { updateVisit, visitKeys } from "../visits/api";
import { protocolKeys } from "./api";

interface PartValues {
  text: string;
  confidential: boolean;
  confidentialBasis: string;
}
interface MeasureValues extends PartValues {
  due: string;
  followUp: string;
}
type ListKey = "deficiencies" | "measures" | "otherNotes";

const partOf = (p: ProtocolView["deficiencies"][number]): PartValues => ({
  text: p.text ?? "",
  confidential: p.confidential !== null,
  confidentialBasis: p.confidential?.basis ?? "",
});
const emptyPart: PartValues = { text: "", confidential: false, confidentialBasis: "" };
const emptyMeasure: MeasureValues = { ...emptyPart, due: "", followUp: "" };
const toInputPart = (p: PartValues) => ({
  text: p.text,
  confidentialBasis: p.confidential ? p.confidentialBasis : null,
});

/**
 * The protocol's fields on the visit (R2.7-7, R2.9-1, R2.10-1), saved with the visit's version. A part marked
 * confidential gets an OSL ground and goes to the secret appendix. A reader who may not read a confidential part
 * cannot change the lists (the parts they cannot see would be lost).
 */
export function ProtocolForm({ visit, protocol }: { visit: VisitView; protocol: ProtocolView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hidden = [...protocol.deficiencies, ...protocol.measures, ...protocol.otherNotes].some(
    (p) => p.confidential && !p.confidential.canRead,
  );
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof updateVisit>[1]) => updateVisit(visit.id, input),
    onSuccess: (next) => {
      queryClient.setQueryData(visitKeys.visit(next.id), next);
      void queryClient.invalidateQueries({ queryKey: protocolKeys.protocol(visit.id) });
      notifySaved(t("protocols.saved"));
    },
    onError: (error) => {
      if (!contract.onServerError(error)) notifyError(error.message);
    },
  });
  const contract = useContractForm({
    schema: VisitUpdate,
    initialValues: {
      worksWell: protocol.worksWell,
      deficiencies: protocol.deficiencies.map(partOf),
      measures: protocol.measures.map((m) => ({ ...partOf(m), due: m.due, followUp: m.followUp ?? "" })),
      otherNotes: protocol.otherNotes.map(partOf),
      actionPlanDue: protocol.actionPlanDue ?? "",
    },
    toInput: (v) => ({
      version: visit.version,
      worksWell: v.worksWell,
      actionPlanDue: v.actionPlanDue.trim() || null,
      ...(hidden
        ? {}
        : {
            deficiencies: v.deficiencies.map(toInputPart),
            measures: v.measures.map((m) => ({ ...toInputPart(m), due: m.due, followUp: m.followUp })),
            otherNotes: v.otherNotes.map(toInputPart),
          }),
    }),
    validate: (v) => {
      const errors: Record<string, string> = {};
      for (const key of ["deficiencies", "measures", "otherNotes"] as const)
        v[key].forEach((p, i) => {
          if (p.confidential && !p.confidentialBasis.trim())
            errors[`${key}.${i}.confidentialBasis`] = t("protocols.basisRequired");
        });
      return errors;
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { form, field } = contract;

  const partFields = (key: ListKey, i: number, what: string) => {
    const p = form.values[key][i]!;
    return (
      <>
        <Checkbox
          label={t("protocols.confidential")}
          aria-label={t("protocols.confidentialFor", { what })}
          {...field(`${key}.${i}.confidential`, { type: "checkbox" })}
        />
        {p.confidential && (
          <BasisField
            label={t("protocols.basis", { what: what.toLowerCase() })}
            value={p.confidentialBasis}
            error={contract.error(`${key}.${i}.confidentialBasis`)}
            onChange={(basis) => form.setFieldValue(`${key}.${i}.confidentialBasis`, basis)}
          />
        )}
      </>
    );
  };
  const removeButton = (key: ListKey, i: number, what: string) => (
    <CloseButton
      aria-label={t("protocols.remove", { what: what.toLowerCase() })}
      onClick={() => form.removeListItem(key, i)}
    />
  );
  const readOnlyList = (key: ListKey) =>
    protocol[key].map((p, i) => (
      <Text key={i} size="sm">
        {p.text ?? t("protocols.hidden", { basis: p.confidential?.basis ?? "" })}
      </Text>
    ));

  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        <Textarea
          label={t("protocols.worksWell")}
          description={t("protocols.worksWellHelp")}
          autosize
          minRows={3}
          {...field("worksWell")}
        />
        {hidden && (
          <Alert variant="light" color="gray" styles={{ message: { color: "var(--mantine-color-text)" } }}>
            {t("protocols.hiddenLists")}
          </Alert>
        )}

        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={3} size="h4" component="legend">
            {t("protocols.deficiencies")}
          </Title>
          {hidden
            ? readOnlyList("deficiencies")
            : form.values.deficiencies.map((_, i) => {
                const what = t("protocols.deficiency", { n: i + 1 });
                return (
                  <Paper key={i} withBorder p="sm">
                    <Group align="flex-start" wrap="nowrap">
                      <Stack gap="xs" style={{ flex: 1 }}>
                        <Textarea label={what} autosize minRows={2} {...field(`deficiencies.${i}.text`)} />
                        {partFields("deficiencies", i, what)}
                      </Stack>
                      {removeButton("deficiencies", i, what)}
                    </Group>
                  </Paper>
                );
              })}
          {!hidden && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => form.insertListItem("deficiencies", { ...emptyPart })}
              >
                {t("protocols.addDeficiency")}
              </Button>
            </Group>
          )}
        </Stack>

        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={3} size="h4" component="legend">
            {t("protocols.measures")}
          </Title>
          {hidden
            ? protocol.measures.map((m, i) => (
                <Text key={i} size="sm">
                  {m.text ?? t("protocols.hidden", { basis: m.confidential?.basis ?? "" })} – {m.due}
                </Text>
              ))
            : form.values.measures.map((_, i) => {
                const what = t("protocols.measure", { n: i + 1 });
                return (
                  <Paper key={i} withBorder p="sm">
                    <Group align="flex-start" wrap="nowrap">
                      <Stack gap="xs" style={{ flex: 1 }}>
                        <Textarea label={what} autosize minRows={2} {...field(`measures.${i}.text`)} />
                        <Group align="flex-start" gap="md">
                          <DateField
                            label={t("protocols.measureDue", { n: i + 1 })}
                            w={220}
                            {...field(`measures.${i}.due`)}
                          />
                          <TextInput
                            label={t("protocols.measureFollowUp", { n: i + 1 })}
                            style={{ flex: 1, minWidth: 260 }}
                            {...field(`measures.${i}.followUp`)}
                          />
                        </Group>
                        {partFields("measures", i, what)}
                      </Stack>
                      {removeButton("measures", i, what)}
                    </Group>
                  </Paper>
                );
              })}
          {!hidden && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => form.insertListItem("measures", { ...emptyMeasure })}
              >
                {t("protocols.addMeasure")}
              </Button>
            </Group>
          )}
        </Stack>

        <DateField label={t("protocols.actionPlanDue")} w={260} {...field("actionPlanDue")} />

        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={3} size="h4" component="legend">
            {t("protocols.otherNotes")}
          </Title>
          {hidden
            ? readOnlyList("otherNotes")
            : form.values.otherNotes.map((_, i) => {
                const what = t("protocols.otherNote", { n: i + 1 });
                return (
                  <Paper key={i} withBorder p="sm">
                    <Group align="flex-start" wrap="nowrap">
                      <Stack gap="xs" style={{ flex: 1 }}>
                        <Textarea label={what} autosize minRows={2} {...field(`otherNotes.${i}.text`)} />
                        {partFields("otherNotes", i, what)}
                      </Stack>
                      {removeButton("otherNotes", i, what)}
                    </Group>
                  </Paper>
                );
              })}
          {!hidden && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => form.insertListItem("otherNotes", { ...emptyPart })}
              >
                {t("protocols.addOtherNote")}
              </Button>
            </Group>
          )}
        </Stack>

        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t("protocols.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
