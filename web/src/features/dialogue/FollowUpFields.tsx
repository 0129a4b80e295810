import { Button, Fieldset, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { FollowUpOwnerCandidate } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { followUpOwnersQuery } from "./api";
import { type FollowUpDraft, type OwnerChoice, emptyFollowUp } from "./entryDraft";
import { DateField } from "../../components/DateField";

const AUTHOR = "author";
const NAMED = "name";
const valueOf = (o: OwnerChoice, authorId: string) =>
  o.kind === "user" ? (o.userId === authorId ? AUTHOR : `user:${o.userId}`) : o.kind;

interface FollowUpFieldsProps {
  county: string;
  municipalities: string[];
  shared: boolean;
  items: FollowUpDraft[];
  onChange: (items: FollowUpDraft[]) => void;
  /** Errors by `${index}.text|due|owner`. */
  errors: Record<string, string>;
  /** The default due date of a new item. */
  defaultDue: string;
  /** The entry's author, offered first as "the author" and so not again among the county's users. */
  authorId: string;
  authorName: string;
}

/** The follow-up items of a dialogue entry (R2.3-1): what, by when, and who owns it. */
export function FollowUpFields({
  county,
  municipalities,
  shared,
  items,
  onChange,
  errors,
  defaultDue,
  authorId,
  authorName,
}: FollowUpFieldsProps) {
  const { t } = useTranslation();
  const candidates = useQuery(followUpOwnersQuery(county, shared ? municipalities : []));
  const update = (key: string, patch: Partial<FollowUpDraft>) =>
    onChange(items.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const options = (f: FollowUpDraft) => {
    // Each person once: the author is the first choice, and a user is listed once whatever the answer holds.
    const seen = new Set<string>([authorId]);
    const list: FollowUpOwnerCandidate[] = [];
    for (const c of candidates.data?.items ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      list.push(c);
    }
    const county = list.filter((c) => c.role === "county");
    const municipal = list.filter((c) => c.role === "municipality");
    // An owner who is no longer offered (left, or the entry became county-internal) stays visible as chosen.
    const current =
      f.owner.kind === "user" &&
      f.owner.userId !== authorId &&
      !list.some((c) => c.id === (f.owner as { userId: string }).userId);
    return [
      { value: AUTHOR, label: t("dialogue.followUpForm.ownerAuthor", { name: authorName }) },
      ...(current && f.owner.kind === "user" ? [{ value: valueOf(f.owner, authorId), label: f.owner.name }] : []),
      ...(county.length
        ? [
            {
              group: t("dialogue.followUpForm.ownerGroupCounty"),
              items: county.map((c) => ({ value: `user:${c.id}`, label: c.name })),
            },
          ]
        : []),
      ...(municipal.length
        ? [
            {
              group: t("dialogue.followUpForm.ownerGroupMunicipality"),
              items: municipal.map((c) => ({ value: `user:${c.id}`, label: `${c.name} (${c.municipality?.name})` })),
            },
          ]
        : []),
      { value: NAMED, label: t("dialogue.followUpForm.ownerNamed") },
    ];
  };

  const choose = (f: FollowUpDraft, value: string) => {
    if (value === AUTHOR || value === `user:${authorId}`) return update(f.key, { owner: { kind: "author" } });
    if (value === NAMED) return update(f.key, { owner: { kind: "name" } });
    const id = value.slice("user:".length);
    const found = candidates.data?.items.find((c) => c.id === id);
    update(f.key, { owner: { kind: "user", userId: id, name: found?.name ?? "" } });
  };

  return (
    <Fieldset
      legend={t("dialogue.followUpForm.legend")}
      styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
    >
      <Stack gap="sm">
        <Text size="sm">{t("dialogue.followUpForm.intro")}</Text>
        {candidates.isError && (
          <Text size="sm" c="red.9">
            {candidates.error.message}
          </Text>
        )}
        {items.map((f, i) => (
          <Paper
            key={f.key}
            withBorder
            p="sm"
            component="section"
            aria-label={t("dialogue.followUpForm.item", { n: i + 1 })}
          >
            <Stack gap="xs">
              <Textarea
                label={t("dialogue.followUpForm.text", { n: i + 1 })}
                required
                autosize
                minRows={2}
                value={f.text}
                error={errors[`${i}.text`]}
                onChange={(e) => update(f.key, { text: e.currentTarget.value })}
              />
              <Group gap="md" align="flex-start" wrap="wrap">
                <DateField
                  label={t("dialogue.followUpForm.due", { n: i + 1 })}
                  required
                  w={200}
                  value={f.due}
                  error={errors[`${i}.due`]}
                  onChange={(v) => update(f.key, { due: v })}
                />
                <NativeSelect
                  label={t("dialogue.followUpForm.owner", { n: i + 1 })}
                  w={{ base: "100%", sm: 340 }}
                  value={valueOf(f.owner, authorId)}
                  data={options(f)}
                  error={errors[`${i}.owner`]}
                  onChange={(e) => choose(f, e.currentTarget.value)}
                />
                {f.owner.kind === "name" && (
                  <TextInput
                    label={t("dialogue.followUpForm.ownerName", { n: i + 1 })}
                    required
                    w={{ base: "100%", sm: 260 }}
                    value={f.ownerName}
                    error={errors[`${i}.ownerName`]}
                    onChange={(e) => update(f.key, { ownerName: e.currentTarget.value })}
                  />
                )}
              </Group>
              <Group justify="space-between" gap="sm">
                <Text size="sm" c="dark.5">
                  {f.done ? t("dialogue.followUpForm.doneKept") : ""}
                </Text>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => onChange(items.filter((x) => x.key !== f.key))}
                >
                  {t("dialogue.followUpForm.remove", { n: i + 1 })}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => onChange([...items, emptyFollowUp(defaultDue)])}
          >
            {t("dialogue.followUpForm.add")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
