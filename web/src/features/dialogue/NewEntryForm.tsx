import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  DIALOGUE_FORMS,
  DIALOGUE_SUBJECTS,
  DialogueEntryCreate,
  EARLY_WARNING_KINDS,
  compareSwedish,
  type DialogueEntry,
} from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createDialogueEntry, dialogueKeys } from "../../api/dialogue";
import { municipalitiesQuery } from "../../api/queries";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { formatDate } from "../oversight/formatDate";

type Field = "municipalities" | "date" | "subjects" | "notes" | "participants" | "warning" | "form";
const FIELDS: readonly string[] = ["municipalities", "date", "subjects", "notes", "participants"];

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** A new dialogue entry (R2.3-1), for one or several of the county's municipalities, optionally raising a warning (R2.3-2). */
export function NewEntryForm({
  code,
  county,
  onDone,
  onCancel,
}: {
  code: string;
  county: string;
  onDone: (entry: DialogueEntry) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const municipalities = useQuery(municipalitiesQuery(county, { limit: 500 }));
  const [chosen, setChosen] = useState<string[]>([code]);
  const [date, setDate] = useState(() => formatDate(new Date().toISOString()));
  const [form, setForm] = useState<string>("meeting");
  const [subjects, setSubjects] = useState<string[]>([]);
  const [fromMunicipality, setFromMunicipality] = useState("");
  const [fromCounty, setFromCounty] = useState("");
  const [notes, setNotes] = useState("");
  const [visibility, setVisibility] = useState<string>("shared");
  const [warningKind, setWarningKind] = useState("");
  const [warningText, setWarningText] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const mutation = useMutation({
    mutationFn: createDialogueEntry,
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
      onDone(entry);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (warningKind && warningText.trim().length < 3) found.warning = t("dialogue.form.warningRequired");
    const parsed = DialogueEntryCreate.safeParse({
      municipalities: chosen,
      date,
      form,
      subjects,
      notes,
      participants: { municipality: lines(fromMunicipality), county: lines(fromCounty) },
      visibility,
      followUps: [],
      warnings: warningKind ? [{ kind: warningKind, description: warningText }] : [],
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        const field = (FIELDS.includes(key) ? key : key === "warnings" ? "warning" : "form") as Field;
        found[field] ??= issue.message;
      }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      window.setTimeout(
        () =>
          document
            .querySelector<HTMLElement>("[data-dialogue-form] [aria-invalid='true'], [data-dialogue-form] [data-error]")
            ?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  if (municipalities.isPending) return <LoadingState />;
  if (municipalities.isError)
    return <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />;
  const options = [...municipalities.data.items].sort((a, b) => compareSwedish(a.name, b.name));

  return (
    <form onSubmit={submit} noValidate data-dialogue-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        {errors.form && (
          <Text c="red.9" role="alert">
            {errors.form}
          </Text>
        )}
        <Checkbox.Group
          label={t("dialogue.form.municipalities")}
          description={t("dialogue.form.municipalitiesHelp")}
          required
          value={chosen}
          onChange={setChosen}
          error={errors.municipalities}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" mt="xs">
            {options.map((m) => (
              <Checkbox key={m.code} value={m.code} label={m.name} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group gap="md" align="flex-start">
          <TextInput
            label={t("dialogue.form.date")}
            type="date"
            required
            w={220}
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("dialogue.form.form")}
            required
            w={240}
            value={form}
            onChange={(e) => setForm(e.currentTarget.value)}
            data={DIALOGUE_FORMS.map((f) => ({ value: f, label: t(`dialogue.forms.${f}`) }))}
          />
        </Group>
        <Checkbox.Group
          label={t("dialogue.form.subjects")}
          required
          value={subjects}
          onChange={setSubjects}
          error={errors.subjects}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {DIALOGUE_SUBJECTS.map((s) => (
              <Checkbox key={s} value={s} label={t(`dialogue.subjects.${s}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Textarea
            label={t("dialogue.form.participantsMunicipality")}
            description={t("dialogue.form.oneNamePerLine")}
            autosize
            minRows={3}
            value={fromMunicipality}
            error={errors.participants}
            onChange={(e) => setFromMunicipality(e.currentTarget.value)}
          />
          <Textarea
            label={t("dialogue.form.participantsCounty")}
            description={t("dialogue.form.oneNamePerLine")}
            autosize
            minRows={3}
            value={fromCounty}
            onChange={(e) => setFromCounty(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={t("dialogue.form.notes")}
          autosize
          minRows={5}
          maxRows={20}
          value={notes}
          error={errors.notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <NativeSelect
          label={t("dialogue.form.visibility")}
          required
          w={320}
          value={visibility}
          onChange={(e) => setVisibility(e.currentTarget.value)}
          data={[
            { value: "shared", label: t("dialogue.form.visibilityShared") },
            { value: "countyInternal", label: t("dialogue.form.visibilityInternal") },
          ]}
        />
        <NativeSelect
          label={t("dialogue.form.warningKind")}
          description={t("dialogue.form.warningHelp")}
          value={warningKind}
          onChange={(e) => setWarningKind(e.currentTarget.value)}
          data={[
            { value: "", label: t("dialogue.form.noWarning") },
            ...EARLY_WARNING_KINDS.map((k) => ({ value: k, label: t(`dialogue.warningKinds.${k}`) })),
          ]}
        />
        {warningKind && (
          <Textarea
            label={t("dialogue.form.warningDescription")}
            required
            autosize
            minRows={3}
            value={warningText}
            error={errors.warning}
            onChange={(e) => setWarningText(e.currentTarget.value)}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
