import { Alert, Badge, Button, Fieldset, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  REVIEW_RESULTS,
  type DocumentReview,
  type DocumentReviewCriterion,
  type ReviewOutcome,
  type ReviewResult,
} from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { documentKeys, saveReview } from "./api";
import { isApiError } from "../../api/client";
import { ErrorState } from "../../components/ErrorState";
import { focusFirstInvalid } from "../../forms/focusFirstInvalid";
import { formatDateTime } from "../../lib/datetime";
import { TEXT_COLOR } from "./colors";
import { SERVER_LANG } from "./labels";

interface Entry {
  result: ReviewResult | null;
  comment: string;
}

/** Criteria grouped by area, in library order. */
export function groupByArea(criteria: DocumentReviewCriterion[]) {
  const areas: { code: string; title: string; criteria: DocumentReviewCriterion[] }[] = [];
  for (const c of criteria) {
    let area = areas.find((a) => a.code === c.area.code);
    if (!area) {
      area = { code: c.area.code, title: c.area.title, criteria: [] };
      areas.push(area);
    }
    area.criteria.push(c);
  }
  return areas;
}

export function LibraryNote({ review }: { review: DocumentReview }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t("documents.review.library", { name: review.libraryVersion.name, version: review.libraryVersion.version })}
      </Text>
      {review.libraryVersion.isExample && (
        <Text size="sm" c="dark.5">
          {t("documents.review.exampleLibrary")}
        </Text>
      )}
    </Stack>
  );
}

interface ReviewFormProps {
  review: DocumentReview;
  onCompleted: (review: DocumentReview) => void;
  onCancel: () => void;
}

/**
 * The county's review of one version against the criteria for its type (R2.2-3): per criterion
 * Uppfyllt / Delvis uppfyllt / Ej uppfyllt and a comment; saved as a draft or completed with an outcome.
 */
export function ReviewForm({ review, onCompleted, onCancel }: ReviewFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(review.criteria.map((c) => [c.id, { result: c.result, comment: c.comment ?? "" }])),
  );
  const [summary, setSummary] = useState(review.summary ?? "");
  const [outcome, setOutcome] = useState<ReviewOutcome | "">(review.outcome ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcomeError, setOutcomeError] = useState<string | undefined>();
  const [saved, setSaved] = useState("");

  const mutation = useMutation({
    mutationFn: (complete: boolean) =>
      saveReview(review.versionId, {
        items: review.criteria.flatMap((c) => {
          const e = entries[c.id];
          return e?.result ? [{ criterionId: c.id, result: e.result, comment: e.comment.trim() || null }] : [];
        }),
        summary: summary.trim() || null,
        outcome: complete && outcome ? outcome : null,
      }),
    onSuccess: (updated, complete) => {
      queryClient.setQueryData(documentKeys.review(review.versionId), updated);
      // The version's status follows the review: Under granskning, Godkänd or Komplettering begärd.
      void queryClient.invalidateQueries({ queryKey: ["documents", "list"] });
      if (complete) onCompleted(updated);
      else setSaved(t("documents.review.draftSaved", { at: formatDateTime(updated.updatedAt ?? "").slice(11) }));
    },
    onError: (error) => {
      // The server names the basic requirements that are not yet assessed.
      const ids = isApiError(error) ? (error.details as { criterionIds?: string[] } | undefined)?.criterionIds : null;
      if (ids?.length) {
        setErrors(Object.fromEntries(ids.map((id) => [id, t("documents.review.basicMissing")])));
        focusError();
      }
    },
  });

  const focusError = () => focusFirstInvalid(document.querySelector<HTMLElement>("[data-review-form]"));

  const save = (complete: boolean) => {
    setSaved("");
    const found: Record<string, string> = {};
    for (const c of review.criteria) {
      const e = entries[c.id];
      if (e && !e.result && e.comment.trim()) found[`${c.id}:comment`] = t("documents.review.commentNeedsResult");
      if (complete && c.tier === "basic" && !e?.result) found[c.id] = t("documents.review.basicMissing");
    }
    const needOutcome = complete && !outcome ? t("documents.review.outcomeRequired") : undefined;
    setErrors(found);
    setOutcomeError(needOutcome);
    if (Object.keys(found).length > 0 || needOutcome) {
      focusError();
      return;
    }
    mutation.mutate(complete);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(true);
  };

  const update = (id: string, change: Partial<Entry>) => {
    setEntries((prev) => ({ ...prev, [id]: { result: null, comment: "", ...prev[id], ...change } }));
    setErrors((prev) => {
      const next = { ...prev };
      if (change.result) delete next[id];
      delete next[`${id}:comment`];
      return next;
    });
  };

  if (review.criteria.length === 0) return <Text>{t("documents.review.noCriteria")}</Text>;

  return (
    <form onSubmit={onSubmit} noValidate data-review-form>
      <Stack gap="md">
        <LibraryNote review={review} />
        <Text size="sm">{t("documents.review.formIntro")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        {groupByArea(review.criteria).map((area) => (
          <Stack key={area.code} gap="sm">
            <Title order={3} size="h4" lang={SERVER_LANG}>
              {area.title}
            </Title>
            {area.criteria.map((c) => {
              const entry = entries[c.id] ?? { result: null, comment: "" };
              const error = errors[c.id];
              const errorId = `review-error-${c.id}`;
              return (
                <Fieldset
                  key={c.id}
                  data-invalid={error ? "true" : undefined}
                  aria-describedby={error ? errorId : undefined}
                  legend={
                    <Text fw={700} component="span">
                      {c.code}: <span lang={SERVER_LANG}>{c.text}</span>
                    </Text>
                  }
                  styles={error ? { root: { borderColor: "var(--mantine-color-red-9)", borderWidth: 2 } } : undefined}
                >
                  <Stack gap="xs">
                    <div>
                      <Badge
                        variant="outline"
                        color="gray"
                        tt="none"
                        radius="sm"
                        style={{ color: "var(--mantine-color-dark-7)" }}
                      >
                        {t(`documents.review.tiers.${c.tier}`)}
                      </Badge>
                    </div>
                    {c.help && (
                      <Text size="sm">
                        <Text component="span" size="sm" fw={600}>
                          {t("documents.review.help")}:
                        </Text>{" "}
                        <span lang={SERVER_LANG}>{c.help}</span>
                      </Text>
                    )}
                    <Group gap="lg">
                      {REVIEW_RESULTS.map((r) => (
                        <Radio
                          key={r}
                          name={`criterion-${c.id}`}
                          value={r}
                          label={t(`documents.review.results.${r}`)}
                          checked={entry.result === r}
                          onChange={() => update(c.id, { result: r })}
                        />
                      ))}
                    </Group>
                    {error && (
                      <Text id={errorId} size="sm" c="red.9" fw={600}>
                        {error}
                      </Text>
                    )}
                    <Textarea
                      label={t("documents.review.comment", { code: c.code })}
                      autosize
                      minRows={1}
                      maxRows={8}
                      value={entry.comment}
                      error={errors[`${c.id}:comment`]}
                      onChange={(e) => update(c.id, { comment: e.currentTarget.value })}
                    />
                  </Stack>
                </Fieldset>
              );
            })}
          </Stack>
        ))}
        <Textarea
          label={t("documents.review.summary")}
          autosize
          minRows={3}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <Fieldset
          legend={
            <Text fw={700} component="span">
              {t("documents.review.outcome")}
            </Text>
          }
          data-invalid={outcomeError ? "true" : undefined}
          aria-describedby={outcomeError ? "review-outcome-error" : undefined}
        >
          <Stack gap="xs">
            <Group gap="lg">
              {(["approved", "supplementRequested"] as const).map((o) => (
                <Radio
                  key={o}
                  name="review-outcome"
                  value={o}
                  label={t(`documents.review.outcomes.${o}`)}
                  checked={outcome === o}
                  onChange={() => {
                    setOutcome(o);
                    setOutcomeError(undefined);
                  }}
                />
              ))}
            </Group>
            {outcomeError && (
              <Text id="review-outcome-error" size="sm" c="red.9" fw={600}>
                {outcomeError}
              </Text>
            )}
          </Stack>
        </Fieldset>
        <Text role="status" size="sm" fw={600} style={{ color: TEXT_COLOR.green }}>
          {saved}
        </Text>
        {Object.keys(errors).length > 0 && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            {Object.values(errors)[0]}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.close")}
          </Button>
          <Button variant="outline" loading={mutation.isPending && !mutation.variables} onClick={() => save(false)}>
            {t("documents.review.saveDraft")}
          </Button>
          <Button type="submit" loading={mutation.isPending && mutation.variables === true}>
            {t("documents.review.complete")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
