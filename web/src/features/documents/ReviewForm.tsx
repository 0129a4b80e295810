import { Alert, Badge, Button, Fieldset, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  DocumentReviewInput,
  REVIEW_RESULTS,
  type DocumentReview,
  type DocumentReviewCriterion,
  type ReviewResult,
} from "@uppsikt/core";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { documentKeys, saveReview } from "./api";
import { isApiError } from "../../api/client";
import { FormMessages } from "../../forms/FormMessages";
import { focusFirstInvalid } from "../../forms/focusFirstInvalid";
import { useContractForm } from "../../forms/useContractForm";
import { formatDateTime } from "../../lib/datetime";
import { TEXT_COLOR } from "./colors";
import { SERVER_LANG } from "./labels";
import { type ReviewValues, reviewFieldFor, reviewInput } from "./reviewValues";

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
  const [saved, setSaved] = useState("");
  // Which button sent the form: "Avsluta granskningen" (the form's submit) or "Spara utkast".
  const completing = useRef(true);

  const mutation = useMutation({
    mutationFn: ({ body }: { body: DocumentReviewInput; complete: boolean }) => saveReview(review.versionId, body),
    onSuccess: (updated, { complete }) => {
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
        contract.form.setErrors(
          Object.fromEntries(ids.map((id) => [`entries.${id}.result`, t("documents.review.basicMissing")])),
        );
        focusFirstInvalid(contract.formProps.ref.current);
        return;
      }
      contract.onServerError(error);
    },
  });

  const contract = useContractForm({
    schema: DocumentReviewInput,
    initialValues: {
      entries: Object.fromEntries(review.criteria.map((c) => [c.id, { result: c.result, comment: c.comment ?? "" }])),
      summary: review.summary ?? "",
      outcome: review.outcome ?? "",
    } as ReviewValues,
    toInput: (v) => reviewInput(review.criteria, v, completing.current),
    fieldFor: (path, v) => reviewFieldFor(review.criteria, path, v),
    validate: (v) => {
      const found: Record<string, string> = {};
      for (const c of review.criteria) {
        const e = v.entries[c.id];
        if (e && !e.result && e.comment.trim())
          found[`entries.${c.id}.comment`] = t("documents.review.commentNeedsResult");
        if (completing.current && c.tier === "basic" && !e?.result)
          found[`entries.${c.id}.result`] = t("documents.review.basicMissing");
      }
      if (completing.current && !v.outcome) found.outcome = t("documents.review.outcomeRequired");
      return found;
    },
    onSubmit: (body) => mutation.mutate({ body, complete: completing.current }),
  });
  const { form } = contract;

  const send = (complete: boolean, e?: FormEvent) => {
    setSaved("");
    completing.current = complete;
    contract.formProps.onSubmit(e);
  };

  const setResult = (id: string, result: ReviewResult) => {
    form.setFieldValue(`entries.${id}.result`, result);
    form.clearFieldError(`entries.${id}.result`);
    form.clearFieldError(`entries.${id}.comment`);
  };
  const setComment = (id: string, comment: string) => {
    form.setFieldValue(`entries.${id}.comment`, comment);
    form.clearFieldError(`entries.${id}.comment`);
  };
  // The first message on a criterion, repeated at the end of the form beside the buttons.
  const firstCriterionError = Object.entries(form.errors).find(([path, m]) => path.startsWith("entries.") && m)?.[1];
  const outcomeError = contract.error("outcome");

  if (review.criteria.length === 0) return <Text>{t("documents.review.noCriteria")}</Text>;

  return (
    <form {...contract.formProps} onSubmit={(e) => send(true, e)} data-review-form>
      <Stack gap="md">
        <LibraryNote review={review} />
        <Text size="sm">{t("documents.review.formIntro")}</Text>
        <FormMessages form={contract} />
        {groupByArea(review.criteria).map((area) => (
          <Stack key={area.code} gap="sm">
            <Title order={3} size="h4" lang={SERVER_LANG}>
              {area.title}
            </Title>
            {area.criteria.map((c) => {
              const entry = form.values.entries[c.id] ?? { result: null, comment: "" };
              const error = contract.error(`entries.${c.id}.result`);
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
                          onChange={() => setResult(c.id, r)}
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
                      error={contract.error(`entries.${c.id}.comment`)}
                      onChange={(e) => setComment(c.id, e.currentTarget.value)}
                    />
                  </Stack>
                </Fieldset>
              );
            })}
          </Stack>
        ))}
        <Textarea label={t("documents.review.summary")} autosize minRows={3} {...contract.field("summary")} />
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
                  checked={form.values.outcome === o}
                  onChange={() => {
                    form.setFieldValue("outcome", o);
                    form.clearFieldError("outcome");
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
        {firstCriterionError && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            {firstCriterionError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.close")}
          </Button>
          <Button
            variant="outline"
            loading={mutation.isPending && mutation.variables?.complete === false}
            onClick={() => send(false)}
          >
            {t("documents.review.saveDraft")}
          </Button>
          <Button type="submit" loading={mutation.isPending && mutation.variables?.complete === true}>
            {t("documents.review.complete")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
