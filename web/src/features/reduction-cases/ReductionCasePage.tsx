import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { ReductionCaseUpdate, formatAmount, webPaths, type ReductionCase } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { DateField } from "../../components/DateField";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink, PathLink } from "../../components/links";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { Fact, Facts } from "../documents/Facts";
import { caseSaved, reductionCaseQuery, updateReductionCase } from "./api";
import { CaseLogSection } from "./CaseLogSection";
import { CaseRequestsSection } from "./CaseRequestsSection";
import { DecisionSection } from "./DecisionSection";
import { caseSections, dayOfYearInWords, isDecisionOverdue, ruleSourceText } from "./model";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";

const route = getRouteApi("/signed-in/arenden/$id");

/**
 * One reduction case (R3.3-1, R3.3-2): the statement that opened it, the day received with the 30 April rule as
 * applied, the year's compensation, the decision with legal finality and the invoice, the case's log and requests.
 * The agency writes; the county and the municipality concerned read.
 */
export function ReductionCasePage() {
  const { id } = route.useParams();
  return (
    <RequireAccess action="reductionCases.read">
      <CaseView id={id} />
    </RequireAccess>
  );
}

function CaseView({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(reductionCaseQuery(id));
  const title = query.data
    ? t("reductionCases.page.title", { municipality: query.data.municipality.name })
    : t("reductionCases.list.title");
  return (
    <Page title={title}>
      <QueryView query={query}>{(c) => <CaseBody c={c} />}</QueryView>
    </Page>
  );
}

function CaseBody({ c }: { c: ReductionCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const { today } = useAppConfig();
  const sections = caseSections(c, can(me, "documentRequests.write"));
  const overdue = isDecisionOverdue(c, today);
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <div>
          <AnchorLink to="/arenden">{t("reductionCases.page.back")}</AnchorLink>
        </div>
        {!c.can.write && <Text>{t("reductionCases.page.readOnly")}</Text>}
        <Facts cols={3}>
          <Fact label={t("reductionCases.page.municipality")}>{c.municipality.name}</Fact>
          <Fact label={t("reductionCases.page.county")}>{c.county.name}</Fact>
          <Fact label={t("reductionCases.page.status")}>
            <span data-testid="case-status">{t(`reductionCases.status.${c.status}`)}</span>
          </Fact>
          <Fact label={t("reductionCases.page.year")}>{c.year}</Fact>
          <Fact label={t("reductionCases.page.decisionDue")}>
            <time dateTime={c.decisionDueOn}>{c.decisionDueOn}</time>
            {overdue && (
              <Badge color="red" variant="light" ml="xs">
                {t("reductionCases.list.overdue")}
              </Badge>
            )}
          </Fact>
        </Facts>
      </Stack>

      <StatementSection c={c} />
      <ReceivedSection c={c} mayChange={sections.changeReceived} />
      <CompensationSection c={c} />
      <DecisionSection c={c} sections={sections} />
      <CaseLogSection c={c} mayWrite={sections.logForm} />
      <CaseRequestsSection c={c} mayRequest={sections.requestForm} />
    </Stack>
  );
}

function StatementSection({ c }: { c: ReductionCase }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-statement-heading">
      <Title order={2} size="h3" id="case-statement-heading">
        {t("reductionCases.page.statementHeading")}
      </Title>
      <Facts cols={3}>
        <Fact label={t("reductionCases.page.registrationNumber")}>{c.statement.registrationNumber}</Fact>
        <Fact label={t("reductionCases.page.sentOn")}>
          <time dateTime={c.statement.sentOn}>{c.statement.sentOn}</time>
        </Fact>
        <Fact label={t("reductionCases.page.initiatedByLabel")}>
          {t(`reductionCases.initiatedBy.${c.statement.initiatedBy}`)}
        </Fact>
      </Facts>
      <div>
        <PathLink href={webPaths.statement(c.statement.id)}>
          {t("reductionCases.page.statementLink", { number: c.statement.registrationNumber })}
        </PathLink>
      </div>
    </Stack>
  );
}

/** The day received, the 30 April rule as applied to it, and (for the agency, before the decision) its correction. */
export function ReceivedSection({ c, mayChange }: { c: ReductionCase; mayChange: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-received-heading">
      <Title order={2} size="h3" id="case-received-heading">
        {t("reductionCases.page.receivedHeading")}
      </Title>
      <Facts cols={3}>
        <Fact label={t("reductionCases.page.received")}>
          <time dateTime={c.receivedOn} data-testid="case-received">
            {c.receivedOn}
          </time>
        </Fact>
        <Fact label={t("reductionCases.page.ruleEffect", { year: c.year })}>
          <strong data-testid="case-effect">{t(`reductionCases.effect.${c.effect}`)}</strong>
        </Fact>
        <Fact label={t("reductionCases.page.ruleCutOff")}>
          <time dateTime={c.rule.cutOffOn}>{c.rule.cutOffOn}</time> ({dayOfYearInWords(c.rule.cutOffOn, i18n.language)})
        </Fact>
        <Fact label={t("reductionCases.page.ruleInclusive")}>
          {t(c.rule.inclusive ? "reductionCases.page.ruleInclusiveYes" : "reductionCases.page.ruleInclusiveNo")}
        </Fact>
        <Fact label={t("reductionCases.page.ruleSource")}>
          {ruleSourceText(c.rule, t("reductionCases.page.ruleUnverified"))}
        </Fact>
      </Facts>
      <Paper withBorder p="sm">
        <Text size="sm" fw={600}>
          {t("reductionCases.page.ruleText")}
        </Text>
        <Text size="sm" data-testid="case-rule">
          {c.rule.text}
        </Text>
      </Paper>
      {mayChange && !editing && (
        <div>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t("reductionCases.page.changeReceived")}
          </Button>
        </div>
      )}
      {mayChange && editing && <ReceivedForm c={c} onDone={() => setEditing(false)} />}
    </Stack>
  );
}

function ReceivedForm({ c, onDone }: { c: ReductionCase; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: ReductionCaseUpdate) => updateReductionCase(c.id, body),
    onSuccess: (saved) => {
      caseSaved(queryClient, saved);
      notifySaved(t("reductionCases.page.receivedSaved"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ReductionCaseUpdate,
    initialValues: { receivedOn: c.receivedOn },
    toInput: (v) => ({ version: c.version, receivedOn: v.receivedOn }),
    validate: (v) => (v.receivedOn ? {} : { receivedOn: t("reductionCases.page.dateRequired") }),
    onSubmit: (body) => mutation.mutate(body),
  });
  return (
    <form {...contract.formProps} data-testid="received-form">
      <Stack gap="sm">
        <FormMessages form={contract} />
        <DateField
          label={t("reductionCases.page.receivedField")}
          description={`${t("reductionCases.page.receivedHelp")} ${t("reductionCases.page.effectFollows")}`}
          required
          w={260}
          {...contract.field("receivedOn")}
        />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {t("reductionCases.page.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("reductionCases.page.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The year's compensation per part: amount, status (withheld, reduced …) and the adjustment the decision made. */
export function CompensationSection({ c }: { c: ReductionCase }) {
  const { t } = useTranslation();
  const caption = t("reductionCases.page.compensationCaption");
  const money = (v: number | null) => (v === null ? t("reductionCases.page.secret") : formatAmount(v));
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-compensation-heading">
      <Title order={2} size="h3" id="case-compensation-heading">
        {t("reductionCases.page.compensationHeading", { year: c.year })}
      </Title>
      {c.compensation.length === 0 ? (
        <Alert color="gray" variant="light">
          {t("reductionCases.page.noCompensation")}
        </Alert>
      ) : (
        <TableScroll label={caption} minWidth={640}>
          <Table withTableBorder striped data-testid="case-compensation">
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("reductionCases.page.colPart")}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t("reductionCases.page.colAmount")}
                </Table.Th>
                <Table.Th scope="col">{t("reductionCases.page.colStatus")}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t("reductionCases.page.colAdjustment")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.compensation.map((p) => (
                <Table.Tr key={p.part}>
                  <Table.Th scope="row">{t("reductionCases.page.partName", { name: p.name, part: p.part })}</Table.Th>
                  <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{money(p.amount)}</Table.Td>
                  <Table.Td>{t(`economy.compensationStatus.${p.status}`)}</Table.Td>
                  <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                    {p.adjustment === null ? t("reductionCases.list.none") : formatAmount(p.adjustment)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
