import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  DIALOGUE_FORMS,
  DIALOGUE_SUBJECTS,
  DialogueEntryCreate,
  DialogueEntryUpdate,
  EARLY_WARNING_KINDS,
  addDays,
  compareSwedish,
  type DialogueEntry,
} from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createDialogueEntry, dialogueKeys, updateDialogueEntry } from "./api";
import { municipalitiesQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { staleVersion } from "../../forms/contractErrors";
import { focusFirstInvalid } from "../../forms/focusFirstInvalid";
import { useMe } from "../auth/useSession";
import { ConfidentialChoice } from "../documents/BasisField";
import { SecurityNotice } from "../documents/FilePicker";
import { FollowUpFields } from "./FollowUpFields";
import { type EntryDraft, draftOf, inputOf, newDraft } from "./entryDraft";

const TOP_FIELDS = ["municipalities", "date", "subjects", "notes", "participants", "confidentialBasis"] as const;
type TopField = (typeof TOP_FIELDS)[number] | "warning" | "form";

interface EntryFormProps {
  /** The municipality whose page the form was opened from. */
  code: string;
  county: string;
  /** The entry to edit (by its author); absent: a new entry. */
  entry?: DialogueEntry;
  onDone: (entry: DialogueEntry) => void;
  onCancel: () => void;
}

/**
 * A dialogue entry (R2.3-1) for one or several of the county's municipalities, with follow-up items and, when it
 * holds confidential information, its OSL ground (R2.10-1). A new entry can raise an early warning (R2.3-2); an
 * edit keeps the earlier version.
 */
export function EntryForm({ code, county, entry, onDone, onCancel }: EntryFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { today } = useAppConfig();
  const queryClient = useQueryClient();
  const municipalities = useQuery(municipalitiesQuery(county, { limit: 500 }));
  const [draft, setDraft] = useState<EntryDraft>(() => (entry ? draftOf(entry, me.id) : newDraft(code, today)));
  // The version the form was opened on: the edit is of that one, whatever a refetch brings in meanwhile.
  const [loadedVersion] = useState(() => entry?.version);
  const [warningKind, setWarningKind] = useState("");
  const [warningText, setWarningText] = useState("");
  const [errors, setErrors] = useState<Partial<Record<TopField, string>>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof EntryDraft>(key: K, value: EntryDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const mutation = useMutation({
    mutationFn: (body: DialogueEntryCreate | DialogueEntryUpdate) =>
      entry
        ? updateDialogueEntry(entry.id, body as DialogueEntryUpdate)
        : createDialogueEntry(body as DialogueEntryCreate),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["watch"] });
      onDone(saved);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<TopField, string>> = {};
    const rows: Record<string, string> = {};
    if (!entry && warningKind && warningText.trim().length < 3) found.warning = t("dialogue.form.warningRequired");
    if (draft.confidential && !draft.basis.trim()) found.confidentialBasis = t("documents.basis.required");
    draft.followUps.forEach((f, i) => {
      if (f.owner.kind === "name" && !f.ownerName.trim())
        rows[`${i}.ownerName`] = t("dialogue.followUpForm.nameRequired");
    });
    const body = inputOf(draft);
    const parsed = entry
      ? DialogueEntryUpdate.safeParse({ ...body, version: loadedVersion })
      : DialogueEntryCreate.safeParse({
          ...body,
          warnings: warningKind ? [{ kind: warningKind, description: warningText }] : [],
        });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const [key, index, field] = issue.path.map(String);
        if (key === "followUps" && index !== undefined && field) {
          rows[
            `${index}.${field === "owner" ? (draft.followUps[Number(index)]?.owner.kind === "name" ? "ownerName" : "owner") : field}`
          ] ??= issue.message;
          continue;
        }
        const top = (TOP_FIELDS as readonly string[]).includes(key ?? "")
          ? (key as TopField)
          : key === "warnings"
            ? "warning"
            : "form";
        found[top] ??= issue.message;
      }
    setErrors(found);
    setRowErrors(rows);
    if (!parsed.success || Object.keys(found).length > 0 || Object.keys(rows).length > 0) {
      focusFirstInvalid(e.currentTarget as HTMLFormElement);
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
        {loadedVersion !== undefined && (
          <Text size="sm" c="dark.5">
            {t("dialogue.edit.versionNote", { version: loadedVersion })}
          </Text>
        )}
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        {loadedVersion !== undefined && staleVersion(mutation.error) !== null && (
          <Text c="red.9" role="alert">
            {t("dialogue.edit.conflict", { current: staleVersion(mutation.error), loaded: loadedVersion })}
          </Text>
        )}
        {errors.form && (
          <Text c="red.9" role="alert">
            {errors.form}
          </Text>
        )}
        <Checkbox.Group
          label={t("dialogue.form.municipalities")}
          description={t("dialogue.form.municipalitiesHelp")}
          required
          value={draft.municipalities}
          onChange={(v) => set("municipalities", v)}
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
            max={today || undefined}
            value={draft.date}
            error={errors.date}
            onChange={(e) => set("date", e.currentTarget.value)}
          />
          <NativeSelect
            label={t("dialogue.form.form")}
            required
            w={240}
            value={draft.form}
            onChange={(e) => set("form", e.currentTarget.value)}
            data={DIALOGUE_FORMS.map((f) => ({ value: f, label: t(`dialogue.forms.${f}`) }))}
          />
        </Group>
        <Checkbox.Group
          label={t("dialogue.form.subjects")}
          required
          value={draft.subjects}
          onChange={(v) => set("subjects", v)}
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
            value={draft.fromMunicipality}
            error={errors.participants}
            onChange={(e) => set("fromMunicipality", e.currentTarget.value)}
          />
          <Textarea
            label={t("dialogue.form.participantsCounty")}
            description={t("dialogue.form.oneNamePerLine")}
            autosize
            minRows={3}
            value={draft.fromCounty}
            onChange={(e) => set("fromCounty", e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={t("dialogue.form.notes")}
          autosize
          minRows={5}
          maxRows={20}
          value={draft.notes}
          error={errors.notes}
          onChange={(e) => set("notes", e.currentTarget.value)}
        />
        <NativeSelect
          label={t("dialogue.form.visibility")}
          description={t("dialogue.form.visibilityHelp")}
          required
          w={{ base: "100%", sm: 420 }}
          value={draft.visibility}
          onChange={(e) => set("visibility", e.currentTarget.value)}
          data={[
            { value: "shared", label: t("dialogue.form.visibilityShared") },
            { value: "countyInternal", label: t("dialogue.form.visibilityInternal") },
          ]}
        />
        <FollowUpFields
          county={county}
          municipalities={draft.municipalities}
          shared={draft.visibility === "shared"}
          items={draft.followUps}
          onChange={(items) => set("followUps", items)}
          errors={rowErrors}
          defaultDue={today ? addDays(today, 30) : ""}
          authorName={entry?.author.name ?? me.name}
        />
        <Fieldset
          legend={t("dialogue.form.confidentialLegend")}
          styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
        >
          <Stack gap="sm">
            <SecurityNotice title={t("dialogue.form.securityTitle")}>{t("dialogue.form.securityText")}</SecurityNotice>
            <ConfidentialChoice
              label={t("dialogue.form.confidential")}
              description={t("dialogue.form.confidentialHelp")}
              checked={draft.confidential}
              onCheckedChange={(checked) => set("confidential", checked)}
              basisLabel={t("dialogue.form.basis")}
              basis={draft.basis}
              error={errors.confidentialBasis}
              onBasisChange={(basis) => set("basis", basis)}
            />
          </Stack>
        </Fieldset>
        {!entry && (
          <>
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
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {entry ? t("dialogue.edit.save") : t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
