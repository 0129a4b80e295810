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
  DOCUMENT_REQUEST_STATUS_LABELS,
  EconomicReviewCreate,
  EconomicReviewUpdate,
  yearOf,
  type DocumentRequestStatus,
  type EconomicReview,
} from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isApiError } from "../../api/client";
import { useAppConfig } from "../../api/useAppConfig";
import { DateField } from "../../components/DateField";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { documentRequestsQuery } from "../document-requests/api";
import { municipalityVisitsQuery } from "../visits/api";
import { useVisitLine } from "../visits/labels";
import { createEconomicReview, invalidateEconomicReviews, updateEconomicReview } from "./api";
import { reviewFormValues, reviewInput } from "./model";

type Create = z.output<typeof EconomicReviewCreate>;
type Update = z.output<typeof EconomicReviewUpdate>;

/** A request status in words; a status the web does not know is shown as the server wrote it. */
export function useRequestStatus() {
  const { t } = useTranslation();
  return (status: string) =>
    status in DOCUMENT_REQUEST_STATUS_LABELS ? t(`documentRequests.status.${status as DocumentRequestStatus}`) : status;
}

/**
 * The county's officer records an economic review (R2.5-1) or changes one: its date (a later day makes it planned),
 * the years covered, findings, the visit it belongs to, linked requests for documents (R2.5-4) and, where it applies,
 * the decision that the municipality may use remaining funds (R2.5-5). A change carries the version it started from.
 */
export function ReviewForm({
  code,
  period,
  review,
  onDone,
  onCancel,
}: {
  code: string;
  period: number;
  review?: EconomicReview;
  onDone: (saved: EconomicReview) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const visits = useQuery(municipalityVisitsQuery(code, period));
  const requests = useQuery(documentRequestsQuery(code));
  const visitLine = useVisitLine();
  const requestStatus = useRequestStatus();
  const thisYear = config.today ? yearOf(config.today) : new Date().getFullYear();

  const mutation = useMutation({
    mutationFn: (input: Create | Update) =>
      review ? updateEconomicReview(review.id, input as Update) : createEconomicReview(code, input as Create),
    onSuccess: (saved) => {
      invalidateEconomicReviews(queryClient);
      onDone(saved);
    },
    onError: (error) => {
      // A stale version: the list is read again, so the review shows its new version once the form is closed.
      if (isApiError(error) && error.status === 409) invalidateEconomicReviews(queryClient);
      contract.onServerError(error);
    },
  });
  // The version the officer started from, kept when the list is read again after someone else's change.
  const [version] = useState(review?.version);
  const contract = useContractForm({
    schema: review ? EconomicReviewUpdate : EconomicReviewCreate,
    initialValues: reviewFormValues(review, config.today, thisYear),
    toInput: (v) => reviewInput(v, review ? version : undefined),
    validate: (v) => ({
      reviewedOn: v.reviewedOn ? undefined : t("economicReviews.reviews.form.reviewedOnRequired"),
      fromYear: v.fromYear.trim() ? undefined : t("economicReviews.reviews.form.yearRequired"),
      toYear: v.toYear.trim() ? undefined : t("economicReviews.reviews.form.yearRequired"),
    }),
    onSubmit: (input) => mutation.mutate(input as Create | Update),
  });
  const { field, form } = contract;
  const stale = isApiError(mutation.error) && mutation.error.status === 409;

  // Visits of the period that are not cancelled, and the linked one whatever its status.
  const visitOptions = (visits.data?.items ?? [])
    .filter((v) => v.status !== "cancelled" || v.id === review?.visit?.id)
    .map((v) => ({ value: v.id, label: visitLine({ ...v, planned: v.heldOn ?? v.planned }) }));
  if (review?.visit && !visitOptions.some((o) => o.value === review.visit?.id))
    visitOptions.push({ value: review.visit.id, label: review.visit.label });

  const requestOptions = (requests.data?.items ?? []).map((r) => ({
    value: r.id,
    label: t("economicReviews.reviews.requestLine", {
      subject: r.subject ?? t("economicReviews.reviews.confidentialRequest"),
      status: requestStatus(r.status),
    }),
  }));
  for (const linked of review?.documentRequests ?? [])
    if (!requestOptions.some((o) => o.value === linked.id))
      requestOptions.push({
        value: linked.id,
        label: t("economicReviews.reviews.requestLine", {
          subject: linked.subject,
          status: requestStatus(linked.status),
        }),
      });

  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        {stale && (
          <Text c="red.9" role="alert">
            {t("economicReviews.reviews.stale")}
          </Text>
        )}
        <DateField
          label={t("economicReviews.reviews.form.reviewedOn")}
          description={t("economicReviews.reviews.form.reviewedOnHelp")}
          required
          w={{ base: "100%", xs: 260 }}
          {...field("reviewedOn")}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t("economicReviews.reviews.form.fromYear")}
            inputMode="numeric"
            required
            {...field("fromYear")}
          />
          <TextInput
            label={t("economicReviews.reviews.form.toYear")}
            inputMode="numeric"
            required
            {...field("toYear")}
          />
        </SimpleGrid>
        <Textarea
          label={t("economicReviews.reviews.form.findings")}
          autosize
          minRows={4}
          maxRows={16}
          {...field("findings")}
        />
        <NativeSelect
          label={t("economicReviews.reviews.form.visit")}
          description={
            visits.isPending
              ? t("economicReviews.reviews.form.visitsLoading")
              : t("economicReviews.reviews.form.visitHelp")
          }
          data={[{ value: "", label: t("economicReviews.reviews.form.noVisit") }, ...visitOptions]}
          {...field("visitId")}
          error={field("visitId").error ?? (visits.isError ? visits.error.message : undefined)}
        />
        {requestOptions.length === 0 ? (
          <Text size="sm">
            {requests.isError ? requests.error.message : t("economicReviews.reviews.form.requestsNone")}
          </Text>
        ) : (
          <Checkbox.Group label={t("economicReviews.reviews.form.requests")} {...field("documentRequestIds")}>
            <Stack gap="xs" mt="xs">
              {requestOptions.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Fieldset legend={t("economicReviews.reviews.form.fundsLegend")} variant="unstyled">
          <Stack gap="sm">
            <Checkbox
              label={t("economicReviews.reviews.form.funds")}
              description={t("economicReviews.reviews.form.fundsHelp")}
              {...field("hasFunds", { type: "checkbox" })}
            />
            {form.values.hasFunds && (
              <>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                  <TextInput
                    label={t("economicReviews.reviews.form.amount")}
                    description={t("economicReviews.reviews.form.amountHelp")}
                    inputMode="numeric"
                    required
                    {...field("remainingFunds.amount")}
                  />
                  <DateField
                    label={t("economicReviews.reviews.form.decidedOn")}
                    required
                    {...field("remainingFunds.decidedOn")}
                  />
                </SimpleGrid>
                <Textarea
                  label={t("economicReviews.reviews.form.reasoning")}
                  required
                  autosize
                  minRows={3}
                  {...field("remainingFunds.reasoning")}
                />
              </>
            )}
          </Stack>
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("economicReviews.reviews.form.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t(review ? "economicReviews.reviews.form.submitEdit" : "economicReviews.reviews.form.submitCreate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
