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
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createDialogueEntry, dialogueKeys, updateDialogueEntry } from "./api";
import { municipalitiesQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { staleVersion } from "../../forms/contractErrors";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { useMe } from "../auth/useSession";
import { ConfidentialChoice } from "../documents/BasisField";
import { SecurityNotice } from "../documents/FilePicker";
import { FollowUpFields } from "./FollowUpFields";
import { type EntryDraft, draftOf, entryFieldFor, inputOf, newDraft } from "./entryDraft";

interface EntryValues extends EntryDraft {
  [key: string]: unknown;
  /** A new entry's early warning (R2.3-2): its kind ("" for none) and description. */
  warningKind: string;
  warningText: string;
}

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
  // The version the form was opened on: the edit is of that one, whatever a refetch brings in meanwhile.
  const [loadedVersion] = useState(() => entry?.version);

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
    // The server's message on the field it names; a stale version is also told below the note on the version.
    onError: (error) => contract.onServerError(error),
  });

  const contract = useContractForm({
    schema: entry ? DialogueEntryUpdate : DialogueEntryCreate,
    initialValues: {
      ...(entry ? draftOf(entry, me.id) : newDraft(code, today)),
      warningKind: "",
      warningText: "",
    } as EntryValues,
    toInput: (v) =>
      entry
        ? { ...inputOf(v), version: loadedVersion }
        : {
            ...inputOf(v),
            warnings: v.warningKind ? [{ kind: v.warningKind, description: v.warningText }] : [],
          },
    fieldFor: entryFieldFor,
    validate: (v) => {
      const found: Record<string, string> = {};
      if (!entry && v.warningKind && v.warningText.trim().length < 3)
        found.warningText = t("dialogue.form.warningRequired");
      if (v.confidential && !v.basis.trim()) found.basis = t("documents.basis.required");
      v.followUps.forEach((f, i) => {
        if (f.owner.kind === "name" && !f.ownerName.trim())
          found[`followUps.${i}.ownerName`] = t("dialogue.followUpForm.nameRequired");
      });
      return found;
    },
    onSubmit: (body) => mutation.mutate(body),
  });
  const { form, field } = contract;
  const draft = form.values;
  // The follow-up rows' messages by `<index>.<field>`, as FollowUpFields reads them.
  const rowErrors = Object.fromEntries(
    Object.entries(form.errors).flatMap(([path, message]) =>
      path.startsWith("followUps.") && message ? [[path.slice("followUps.".length), String(message)]] : [],
    ),
  );
  const stale = loadedVersion !== undefined ? staleVersion(mutation.error) : null;

  if (municipalities.isPending) return <LoadingState />;
  if (municipalities.isError)
    return <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />;
  const options = [...municipalities.data.items].sort((a, b) => compareSwedish(a.name, b.name));

  return (
    <form {...contract.formProps} data-dialogue-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        {loadedVersion !== undefined && (
          <Text size="sm" c="dark.5">
            {t("dialogue.edit.versionNote", { version: loadedVersion })}
          </Text>
        )}
        {stale !== null && (
          <Text c="red.9" role="alert">
            {t("dialogue.edit.conflict", { current: stale, loaded: loadedVersion })}
          </Text>
        )}
        <FormMessages form={contract} />
        <Checkbox.Group
          label={t("dialogue.form.municipalities")}
          description={t("dialogue.form.municipalitiesHelp")}
          required
          value={draft.municipalities}
          onChange={(v) => form.setFieldValue("municipalities", v)}
          error={contract.error("municipalities")}
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
            {...field("date")}
          />
          <NativeSelect
            label={t("dialogue.form.form")}
            required
            w={240}
            {...field("form")}
            data={DIALOGUE_FORMS.map((f) => ({ value: f, label: t(`dialogue.forms.${f}`) }))}
          />
        </Group>
        <Checkbox.Group
          label={t("dialogue.form.subjects")}
          required
          value={draft.subjects}
          onChange={(v) => form.setFieldValue("subjects", v)}
          error={contract.error("subjects")}
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
            {...field("fromMunicipality")}
          />
          <Textarea
            label={t("dialogue.form.participantsCounty")}
            description={t("dialogue.form.oneNamePerLine")}
            autosize
            minRows={3}
            {...field("fromCounty")}
          />
        </SimpleGrid>
        <Textarea label={t("dialogue.form.notes")} autosize minRows={5} maxRows={20} {...field("notes")} />
        <NativeSelect
          label={t("dialogue.form.visibility")}
          description={t("dialogue.form.visibilityHelp")}
          required
          w={{ base: "100%", sm: 420 }}
          {...field("visibility")}
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
          onChange={(items) => form.setFieldValue("followUps", items)}
          errors={rowErrors}
          defaultDue={today ? addDays(today, 30) : ""}
          authorId={entry?.author.id ?? me.id}
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
              onCheckedChange={(checked) => form.setFieldValue("confidential", checked)}
              basisLabel={t("dialogue.form.basis")}
              basis={draft.basis}
              error={contract.error("basis")}
              onBasisChange={(basis) => form.setFieldValue("basis", basis)}
            />
          </Stack>
        </Fieldset>
        {!entry && (
          <>
            <NativeSelect
              label={t("dialogue.form.warningKind")}
              description={t("dialogue.form.warningHelp")}
              {...field("warningKind")}
              data={[
                { value: "", label: t("dialogue.form.noWarning") },
                ...EARLY_WARNING_KINDS.map((k) => ({ value: k, label: t(`dialogue.warningKinds.${k}`) })),
              ]}
            />
            {draft.warningKind && (
              <Textarea
                label={t("dialogue.form.warningDescription")}
                required
                autosize
                minRows={3}
                {...field("warningText")}
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
