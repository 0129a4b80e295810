import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  CountyDialogueCreate,
  DIALOGUE_FORMS,
  DIALOGUE_SUBJECTS,
  stockholmDate,
  type CountyDialogue,
} from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useAppConfig } from "../../api/useAppConfig";
import { DateField } from "../../components/DateField";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { createCountyDialogue, invalidateCountyDialogues } from "./api";
import { dialogueFormValues, dialogueInput, emptyFollowUp } from "./model";

/** A list field's message shows on the list's own input (`participants.2` → `participants`). */
const LIST_FIELDS = ["participants", "subjects"];

/** The agency records a follow-up dialogue with a county (R1-7): date, form, who, what, conclusions, follow-ups. */
export function NewDialogueForm({
  county,
  onDone,
  onCancel,
}: {
  county: string;
  onDone: (saved: CountyDialogue) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: z.output<typeof CountyDialogueCreate>) => createCountyDialogue(input),
    onSuccess: (saved) => {
      notifySaved(t("countyDialogues.saved"));
      invalidateCountyDialogues(queryClient);
      onDone(saved);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: CountyDialogueCreate,
    initialValues: dialogueFormValues(config.today || stockholmDate(new Date())),
    toInput: (v) => dialogueInput(county, v),
    fieldFor: (path) => LIST_FIELDS.find((f) => path.startsWith(`${f}.`)),
    validate: (v) => {
      const errors: Record<string, string | undefined> = {
        heldOn: v.heldOn ? undefined : t("countyDialogues.heldOnRequired"),
      };
      v.followUps.forEach((f, i) => {
        if (!f.text.trim() && !f.dueOn) return;
        if (!f.text.trim()) errors[`followUps.${i}.text`] = t("countyDialogues.textRequired");
        if (!f.dueOn) errors[`followUps.${i}.dueOn`] = t("countyDialogues.dueRequired");
      });
      return errors;
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field, form } = contract;
  const subjectSuggestions = DIALOGUE_SUBJECTS.map((s) => t(`dialogue.subjects.${s}`));
  return (
    <form {...contract.formProps} data-testid="county-dialogue-form">
      <Stack gap="md">
        <FormMessages form={contract} />
        <Group gap="md" align="flex-start" wrap="wrap">
          <DateField label={t("countyDialogues.heldOn")} required w={220} {...field("heldOn")} />
          <NativeSelect
            label={t("countyDialogues.form")}
            required
            w={220}
            data={DIALOGUE_FORMS.map((f) => ({ value: f, label: t(`countyDialogues.forms.${f}`) }))}
            {...field("form")}
          />
        </Group>
        <TagsInput
          label={t("countyDialogues.participants")}
          description={t("countyDialogues.participantsHelp")}
          required
          clearable={false}
          acceptValueOnBlur
          {...field("participants")}
        />
        <TagsInput
          label={t("countyDialogues.subjects")}
          description={t("countyDialogues.subjectsHelp")}
          required
          data={subjectSuggestions}
          acceptValueOnBlur
          comboboxProps={{ withinPortal: false }}
          {...field("subjects")}
        />
        <Textarea
          label={t("countyDialogues.conclusions")}
          autosize
          minRows={4}
          maxRows={16}
          {...field("conclusions")}
        />
        <Fieldset legend={t("countyDialogues.followUps")}>
          <Stack gap="sm">
            {form.values.followUps.map((_, i) => (
              <Group key={form.key(`followUps.${i}`)} gap="sm" align="flex-start" wrap="wrap">
                <TextInput
                  label={t("countyDialogues.followUpText", { n: i + 1 })}
                  style={{ flex: "1 1 320px" }}
                  {...field(`followUps.${i}.text`)}
                />
                <DateField
                  label={t("countyDialogues.followUpDue", { n: i + 1 })}
                  w={200}
                  {...field(`followUps.${i}.dueOn`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mt={26}
                  aria-label={t("countyDialogues.removeFollowUp", { n: i + 1 })}
                  onClick={() => form.removeListItem("followUps", i)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <div>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.insertListItem("followUps", emptyFollowUp())}
              >
                {t("countyDialogues.addFollowUp")}
              </Button>
            </div>
          </Stack>
        </Fieldset>
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {t("countyDialogues.save")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("countyDialogues.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
