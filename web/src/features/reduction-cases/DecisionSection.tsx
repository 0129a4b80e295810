import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  AppealInput,
  InvoiceSentInput,
  ReductionCaseUpdate,
  ReductionDecisionInput,
  formatAmount,
  outcomeHasAmount,
  stockholmDate,
  type ReductionCase,
} from "@uppsikt/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useAppConfig } from "../../api/useAppConfig";
import { DateField } from "../../components/DateField";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { Fact, Facts } from "../documents/Facts";
import { appealDecided, appealLodged, caseSaved, decideReductionCase, invoiceSent, updateReductionCase } from "./api";
import {
  decisionErrors,
  decisionFieldFor,
  decisionFormValues,
  decisionInput,
  formatPercent,
  partsSum,
  type CaseSections,
  type DecisionValues,
} from "./model";

/** The decision (R3.3-2): the agency's form before it, then the decision, its notification, appeal and invoice. */
export function DecisionSection({ c, sections }: { c: ReductionCase; sections: CaseSections }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" component="section" aria-labelledby="case-decision-heading">
      <Title order={2} size="h3" id="case-decision-heading">
        {t("reductionCases.page.decisionHeading")}
      </Title>
      {c.decision === null ? (
        sections.decisionForm ? (
          <DecisionForm c={c} />
        ) : (
          <Text>{t("reductionCases.page.noDecision")}</Text>
        )
      ) : (
        <>
          <DecisionView c={c} />
          <FinalityView c={c} sections={sections} />
          {(c.decision.outcome === "repayment" || c.invoice !== null) && (
            <InvoiceView c={c} mayMarkSent={sections.markInvoiceSent} />
          )}
        </>
      )}
    </Stack>
  );
}

function DecisionView({ c }: { c: ReductionCase }) {
  const { t, i18n } = useTranslation();
  const d = c.decision!;
  const partName = (code: string) => c.compensation.find((p) => p.part === code)?.name ?? code;
  return (
    <Stack gap="sm">
      <Facts cols={3}>
        <Fact label={t("reductionCases.page.outcomeLabel")}>
          <strong data-testid="case-outcome">{t(`reductionCases.outcome.${d.outcome}`)}</strong>
        </Fact>
        {outcomeHasAmount(d.outcome) && (
          <Fact label={t("reductionCases.page.amountLabel")}>{formatAmount(d.amount)}</Fact>
        )}
        {d.parts.length > 0 && (
          <Fact label={t("reductionCases.page.partsLabel")}>
            {d.parts.map((p) => (
              <span key={p.part} style={{ display: "block" }}>
                {partName(p.part)}: {formatAmount(p.amount)}
              </span>
            ))}
          </Fact>
        )}
        {d.performedShare !== null && (
          <Fact label={t("reductionCases.page.performedShareLabel")}>
            {formatPercent(d.performedShare, i18n.language)}
          </Fact>
        )}
        <Fact label={t("reductionCases.page.decidedOnLabel")}>
          <time dateTime={d.decidedOn}>{d.decidedOn}</time>
        </Fact>
        <Fact label={t("reductionCases.page.decidedByLabel")}>{d.decidedBy.name}</Fact>
        <Fact label={t("reductionCases.page.notifiedOnLabel")}>
          {d.notifiedOn ? <time dateTime={d.notifiedOn}>{d.notifiedOn}</time> : t("reductionCases.page.notNotified")}
        </Fact>
      </Facts>
      <Facts cols={1}>
        <Fact label={t("reductionCases.page.reasoningLabel")}>
          <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{d.reasoning}</span>
        </Fact>
      </Facts>
    </Stack>
  );
}

const today = (config: { today: string }) => config.today || stockholmDate(new Date());

function DecisionForm({ c }: { c: ReductionCase }) {
  const { t, i18n } = useTranslation();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof ReductionDecisionInput>) => decideReductionCase(c.id, body),
    onSuccess: (saved) => {
      caseSaved(queryClient, saved);
      notifySaved(t("reductionCases.decision.saved"));
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ReductionDecisionInput,
    initialValues: decisionFormValues(c, today(config)),
    toInput: (v: DecisionValues) => decisionInput(c, v),
    fieldFor: decisionFieldFor,
    validate: (v) => ({
      ...decisionErrors(v, {
        shareRange: t("reductionCases.decision.shareRange"),
        amountRequired: t("reductionCases.decision.amountRequired"),
        dateRequired: t("reductionCases.decision.dateRequired"),
      }),
      ...(v.outcome ? {} : { outcome: t("reductionCases.decision.outcomeRequired") }),
    }),
    onSubmit: (body) => mutation.mutate(body),
  });
  const { form, field } = contract;
  const v = form.values;
  const takesAmount = v.outcome !== "" && outcomeHasAmount(v.outcome);
  const decimalSeparator = i18n.language.startsWith("en") ? "." : ",";
  const optional = (label: string) => `${label} (${t("reductionCases.decision.optional")})`;
  return (
    <Paper withBorder p="md">
      <form {...contract.formProps} data-testid="decision-form">
        <Stack gap="md">
          <Title order={3} size="h4">
            {t("reductionCases.decision.heading")}
          </Title>
          <Text size="sm">
            {t("reductionCases.decision.intro", { effect: t(`reductionCases.effect.${c.effect}`) })}
          </Text>
          <Text size="sm">{t("common.requiredNote")}</Text>
          <FormMessages form={contract} />
          <NativeSelect
            label={t("reductionCases.decision.outcome")}
            required
            w={{ base: "100%", sm: 320 }}
            data={[
              ...(c.allowedOutcomes.length > 1
                ? [{ value: "", label: t("reductionCases.decision.chooseOutcome") }]
                : []),
              ...c.allowedOutcomes.map((o) => ({ value: o, label: t(`reductionCases.outcome.${o}`) })),
            ]}
            {...field("outcome")}
          />
          {takesAmount && (
            <Stack gap="sm">
              <Checkbox label={t("reductionCases.decision.perPart")} {...field("perPart", { type: "checkbox" })} />
              {!v.perPart ? (
                <NumberInput
                  label={t("reductionCases.decision.amount")}
                  description={t("reductionCases.decision.amountHelp")}
                  required
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=" "
                  suffix=" kr"
                  w={{ base: "100%", sm: 260 }}
                  {...field("amount")}
                />
              ) : (
                <Stack gap="xs">
                  <Group gap="sm" align="flex-start" wrap="wrap">
                    {c.compensation.map((p) => (
                      <NumberInput
                        key={p.part}
                        label={t("reductionCases.decision.partAmount", { part: p.name })}
                        min={0}
                        allowDecimal={false}
                        allowNegative={false}
                        thousandSeparator=" "
                        suffix=" kr"
                        w={{ base: "100%", sm: 240 }}
                        {...field(`parts.${p.part}`)}
                      />
                    ))}
                  </Group>
                  <Text size="sm" aria-live="polite">
                    {t("reductionCases.decision.partsSum", { sum: formatAmount(partsSum(v.parts)) })}
                  </Text>
                </Stack>
              )}
            </Stack>
          )}
          <NumberInput
            label={optional(t("reductionCases.decision.performedShare"))}
            description={t("reductionCases.decision.performedShareHelp")}
            min={0}
            max={100}
            decimalScale={2}
            decimalSeparator={decimalSeparator}
            suffix=" %"
            w={{ base: "100%", sm: 360 }}
            {...field("performedShare")}
          />
          <Textarea
            label={t("reductionCases.decision.reasoning")}
            required
            autosize
            minRows={4}
            maxRows={20}
            {...field("reasoning")}
          />
          <Group gap="md" align="flex-start" wrap="wrap">
            <DateField label={t("reductionCases.decision.decidedOn")} required w={240} {...field("decidedOn")} />
            <DateField
              label={optional(t("reductionCases.decision.notifiedOn"))}
              description={t("reductionCases.decision.notifiedOnHelp")}
              w={300}
              {...field("notifiedOn")}
            />
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t("reductionCases.decision.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Notification, the last day of appeal, the appeal and legal finality; the agency's forms for each step. */
function FinalityView({ c, sections }: { c: ReductionCase; sections: CaseSections }) {
  const { t } = useTranslation();
  const notYet = t("reductionCases.page.notYet");
  const day = (d: string | null | undefined) => (d ? <time dateTime={d}>{d}</time> : notYet);
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-finality-heading">
      <Title order={3} size="h4" id="case-finality-heading">
        {t("reductionCases.page.finalityHeading")}
      </Title>
      <Facts cols={3}>
        <Fact label={t("reductionCases.page.lastAppealDay")}>
          <span data-testid="case-last-appeal-day">{day(c.lastAppealDay)}</span>
          {c.lastAppealDay && (
            <Text size="xs" component="span" style={{ display: "block" }}>
              {t("reductionCases.page.lastAppealDayHelp")}
            </Text>
          )}
        </Fact>
        {c.appeal && <Fact label={t("reductionCases.page.appealLodgedOn")}>{day(c.appeal.lodgedOn)}</Fact>}
        {c.appeal && <Fact label={t("reductionCases.page.appealDecidedOn")}>{day(c.appeal.decidedOn)}</Fact>}
        <Fact
          label={
            c.status === "legallyFinal"
              ? t("reductionCases.page.legallyFinalOn")
              : t("reductionCases.page.legallyFinalOnExpected")
          }
        >
          <span data-testid="case-legally-final">{day(c.legallyFinalOn)}</span>
        </Fact>
      </Facts>
      {sections.notify && (
        <OneDateForm
          testId="notify-form"
          heading={t("reductionCases.page.notifyHeading")}
          intro={t("reductionCases.page.notifyIntro")}
          label={t("reductionCases.decision.notifiedOn")}
          submit={t("reductionCases.page.setNotified")}
          saved={t("reductionCases.page.notifiedSaved")}
          schema={ReductionCaseUpdate}
          toInput={(on) => ({ version: c.version, notifiedOn: on })}
          mutate={(body) => updateReductionCase(c.id, body)}
        />
      )}
      {sections.registerAppeal && (
        <OneDateForm
          testId="appeal-lodged-form"
          heading={t("reductionCases.page.registerAppeal")}
          intro={t("reductionCases.page.appealIntro")}
          label={t("reductionCases.page.appealOn")}
          submit={t("reductionCases.page.registerAppeal")}
          saved={t("reductionCases.page.appealSaved")}
          schema={AppealInput}
          toInput={(on) => ({ version: c.version, on })}
          mutate={(body) => appealLodged(c.id, body)}
        />
      )}
      {sections.enterFinal && (
        <OneDateForm
          testId="appeal-decided-form"
          heading={t("reductionCases.page.enterFinal")}
          intro={t("reductionCases.page.finalIntro")}
          label={t("reductionCases.page.finalOn")}
          submit={t("reductionCases.page.save")}
          saved={t("reductionCases.page.finalSaved")}
          schema={AppealInput}
          toInput={(on) => ({ version: c.version, on })}
          mutate={(body) => appealDecided(c.id, body)}
        />
      )}
    </Stack>
  );
}

/** A step of the case that is one date: notified, appeal lodged, appeal decided. */
function OneDateForm<S extends z.ZodType>({
  testId,
  heading,
  intro,
  label,
  submit,
  saved,
  schema,
  toInput,
  mutate,
}: {
  testId: string;
  heading: string;
  intro?: ReactNode;
  label: string;
  submit: string;
  saved: string;
  schema: S;
  toInput: (on: string) => unknown;
  mutate: (body: z.output<S>) => Promise<ReductionCase>;
}) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: mutate,
    onSuccess: (next) => {
      caseSaved(queryClient, next);
      notifySaved(saved);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema,
    initialValues: { on: today(config) },
    toInput: (v) => toInput(v.on),
    aliases: { notifiedOn: "on" },
    validate: (v) => (v.on ? {} : { on: t("reductionCases.page.dateRequired") }),
    onSubmit: (body) => mutation.mutate(body),
  });
  return (
    <Paper withBorder p="md">
      <form {...contract.formProps} data-testid={testId}>
        <Stack gap="sm">
          <Title order={4} size="h5">
            {heading}
          </Title>
          {intro && <Text size="sm">{intro}</Text>}
          <FormMessages form={contract} />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <DateField label={label} required w={240} {...contract.field("on")} />
            <Button type="submit" loading={mutation.isPending}>
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The repayment invoice: made once the repayment decision is legally final; the agency enters its number when sent. */
function InvoiceView({ c, mayMarkSent }: { c: ReductionCase; mayMarkSent: boolean }) {
  const { t } = useTranslation();
  const inv = c.invoice;
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-invoice-heading">
      <Title order={3} size="h4" id="case-invoice-heading">
        {t("reductionCases.page.invoiceHeading")}
      </Title>
      {inv === null ? (
        <Text>{t("reductionCases.page.noInvoiceYet")}</Text>
      ) : (
        <Facts cols={4}>
          <Fact label={t("reductionCases.page.invoiceAmount")}>
            <span data-testid="invoice-amount">{formatAmount(inv.amount)}</span>
          </Fact>
          <Fact label={t("reductionCases.page.invoiceCreated")}>
            <time dateTime={inv.createdOn}>{inv.createdOn}</time>
          </Fact>
          <Fact label={t("reductionCases.page.invoiceNumber")}>
            {inv.invoiceNumber ?? t("reductionCases.list.none")}
          </Fact>
          <Fact label={t("reductionCases.page.invoiceSentOn")}>
            {inv.sentOn ? <time dateTime={inv.sentOn}>{inv.sentOn}</time> : t("reductionCases.page.invoiceNotSent")}
          </Fact>
        </Facts>
      )}
      {mayMarkSent && <InvoiceSentForm c={c} />}
    </Stack>
  );
}

function InvoiceSentForm({ c }: { c: ReductionCase }) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof InvoiceSentInput>) => invoiceSent(c.id, body),
    onSuccess: (next) => {
      caseSaved(queryClient, next);
      notifySaved(t("reductionCases.page.invoiceSaved"));
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: InvoiceSentInput,
    initialValues: { invoiceNumber: "", sentOn: today(config) },
    toInput: (v) => ({ version: c.version, invoiceNumber: v.invoiceNumber, sentOn: v.sentOn }),
    validate: (v) => ({
      ...(v.invoiceNumber.trim() ? {} : { invoiceNumber: t("reductionCases.page.invoiceNumberRequired") }),
      ...(v.sentOn ? {} : { sentOn: t("reductionCases.page.dateRequired") }),
    }),
    onSubmit: (body) => mutation.mutate(body),
  });
  return (
    <Paper withBorder p="md">
      <form {...contract.formProps} data-testid="invoice-sent-form">
        <Stack gap="sm">
          <Title order={4} size="h5">
            {t("reductionCases.page.markSent")}
          </Title>
          <FormMessages form={contract} />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t("reductionCases.page.invoiceNumberField")}
              maxLength={60}
              w={240}
              {...contract.field("invoiceNumber")}
              required
              withAsterisk
            />
            <DateField
              label={t("reductionCases.page.invoiceSentField")}
              required
              w={240}
              {...contract.field("sentOn")}
            />
            <Button type="submit" loading={mutation.isPending}>
              {t("reductionCases.page.markSent")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
