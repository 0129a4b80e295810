import {
  Alert,
  Badge,
  Button,
  Group,
  Input,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { IconDownload, IconFileImport, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  NationalRuleVersionInput,
  SUPPORT_NEED_RULES,
  type CutOffDay,
  type MonthDay,
  type NationalRuleVersion,
  type NationalRules,
  type SupportNeedRule,
} from "@uppsikt/core";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { decisionBodyLabel, typeName } from "../documents/labels";
import {
  createNationalRuleVersion,
  exportAllUrl,
  exportOneUrl,
  importNationalRules,
  nationalRulesKeys,
  nationalRulesQuery,
} from "./api";
import { RulesVersionForm } from "./RulesVersionForm";
import type { nationalRulesSv } from "./strings";
import { TEXT_COLOR } from "../documents/colors";

/** Nationella regler: the versions of the national rules; everyone reads them, the agency edits (R1-2). */
export function NationalRulesPage() {
  return (
    <RequireAccess action="nationalRules.read">
      <NationalRulesView />
    </RequireAccess>
  );
}

type ValueKey = keyof typeof nationalRulesSv.names;
const VALUE_KEYS: ValueKey[] = [
  "electionYears",
  "periodLength",
  "feedbackWaitDays",
  "lateVisitFeedbackDays",
  "factualReviewReplyDays",
  "verificationAfterReportedDoneDays",
  "largeSavingsShare",
  "savingsPlanTolerance",
  "savingsPlanDueDays",
  "annualReportDeadline",
  "annualReportCompletionDays",
  "annualReportReviewDays",
  "countyForwardingDeadline",
  "agencyDecisionDays",
  "paymentStopCutOff",
  "appealWeeks",
  "overdueActionsForGround",
  "supportNeedWeights",
  "limitedInvestmentsAllowed",
];

const pad = (n: number) => String(n).padStart(2, "0");
const isMonthDay = (v: unknown): v is MonthDay => typeof v === "object" && v !== null && "month" in v;
const isCutOff = (v: unknown): v is CutOffDay => isMonthDay(v) && "inclusive" in v;

/** "30 april" / "30 April": a day of the year in words, in the interface's language. */
const dayInWords = (v: MonthDay, language: string) =>
  new Intl.DateTimeFormat(language.startsWith("en") ? "en-GB" : "sv-SE", {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(Date.UTC(2001, v.month - 1, v.day));

function NationalRulesView() {
  const { t } = useTranslation();
  const me = useMe();
  const versions = useQuery(nationalRulesQuery);
  const mayWrite = can(me, "nationalRules.write");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [modal, setModal] = useState<"new" | "import" | null>(null);

  return (
    <Page
      title={t("nationalRules.title")}
      intro={t("nationalRules.intro")}
      actions={
        <Group gap="sm">
          <Button
            component="a"
            href={exportAllUrl}
            variant="outline"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {t("nationalRules.exportAll")}
          </Button>
          {mayWrite && (
            <>
              <Button
                variant="outline"
                leftSection={<IconFileImport size={18} aria-hidden />}
                onClick={() => setModal("import")}
              >
                {t("nationalRules.import")}
              </Button>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setModal("new")}>
                {t("nationalRules.newVersion")}
              </Button>
            </>
          )}
        </Group>
      }
    >
      <QueryView query={versions}>
        {({ items }) => {
          if (items.length === 0) return <EmptyState>{t("common.none")}</EmptyState>;
          const selected = items.find((v) => v.id === selectedId) ?? items.find((v) => v.inForce) ?? items.at(-1)!;
          return (
            <Stack gap="lg">
              <VersionList items={items} selectedId={selected.id} onSelect={setSelectedId} />
              <VersionView version={selected} />
              {mayWrite && (
                <AppModal
                  opened={modal !== null}
                  onClose={() => setModal(null)}
                  title={modal === "import" ? t("nationalRules.importTitle") : t("nationalRules.newTitle")}
                >
                  {modal === "new" && (
                    <NewVersion
                      base={items.find((v) => v.inForce) ?? items.at(-1)!}
                      latest={items.at(-1)!}
                      onDone={() => setModal(null)}
                    />
                  )}
                  {modal === "import" && <ImportForm onDone={() => setModal(null)} />}
                </AppModal>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Page>
  );
}

function VersionList({
  items,
  selectedId,
  onSelect,
}: {
  items: NationalRuleVersion[];
  selectedId: string;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const caption = t("nationalRules.versionsCaption");
  return (
    <Stack gap="xs" component="section" aria-labelledby="national-versions-heading">
      <Title order={2} size="h3" id="national-versions-heading">
        {t("nationalRules.versions")}
      </Title>
      <TableScroll label={caption} minWidth={640}>
        <Table striped withTableBorder>
          <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("nationalRules.colAppliesFrom")}</Table.Th>
              <Table.Th scope="col">{t("nationalRules.colSource")}</Table.Th>
              <Table.Th scope="col">{t("nationalRules.colState")}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden-text">{t("nationalRules.show")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.id} aria-current={v.id === selectedId ? "true" : undefined}>
                <Table.Th scope="row" className="nowrap">
                  {v.appliesFrom}
                </Table.Th>
                <Table.Td>
                  {v.sourceTitle}
                  {v.sourceDnr && <Text span c="dark.5">{` (${t("nationalRules.dnr", { dnr: v.sourceDnr })})`}</Text>}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={badgeColor(v)} styles={{ label: { color: TEXT_COLOR[badgeColor(v)] } }}>
                    {v.inForce
                      ? t("nationalRules.inForce")
                      : v.upcoming
                        ? t("nationalRules.upcoming")
                        : t("nationalRules.earlier")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={v.id === selectedId ? "filled" : "outline"}
                    aria-label={t("nationalRules.showFor", { date: v.appliesFrom })}
                    aria-pressed={v.id === selectedId}
                    onClick={() => onSelect(v.id)}
                  >
                    {t("nationalRules.show")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

const badgeColor = (v: { inForce: boolean; upcoming: boolean }) => (v.inForce ? "green" : v.upcoming ? "blue" : "gray");

function SourceCell({ source, unverified }: { source?: string; unverified: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {source && <Text size="sm">{source}</Text>}
      {unverified && (
        <Badge variant="outline" color="orange" size="sm" styles={{ label: { color: TEXT_COLOR.orange } }}>
          {t("nationalRules.unverified")}
        </Badge>
      )}
    </Stack>
  );
}

/** The support list's weights, one line per reason (R2.4-3). */
function Weights({ weights }: { weights: Partial<Record<SupportNeedRule, number>> }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language.startsWith("en") ? "en-GB" : "sv-SE");
  return (
    <Stack gap={0} component="ul" style={{ listStyle: "none", margin: 0, padding: 0, whiteSpace: "normal" }}>
      {SUPPORT_NEED_RULES.map((rule) => (
        <Text key={rule} component="li" size="sm">
          {t(`nationalRules.weights.${rule}`)}: {weights[rule] === undefined ? "–" : number.format(weights[rule])}
        </Text>
      ))}
    </Stack>
  );
}

function VersionView({ version }: { version: NationalRuleVersion }) {
  const { t, i18n } = useTranslation();
  const rules = version.rules;
  const show = (key: ValueKey): ReactNode => {
    if (key === "supportNeedWeights") return <Weights weights={rules.supportNeedWeights.value} />;
    const v = rules[key].value as unknown;
    if (Array.isArray(v)) return v.join(", ");
    if (typeof v === "boolean") return v ? t("nationalRules.yes") : t("nationalRules.no");
    if (isCutOff(v))
      return t(v.inclusive ? "nationalRules.cutOffInclusive" : "nationalRules.cutOffExclusive", {
        day: dayInWords(v, i18n.language),
      });
    if (isMonthDay(v)) return `${pad(v.month)}-${pad(v.day)}`;
    return String(v);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="national-version-heading">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={2} size="h3" id="national-version-heading">
            {t("nationalRules.selected", { date: version.appliesFrom })}
          </Title>
          <Button
            component="a"
            href={exportOneUrl(version.id)}
            size="xs"
            variant="outline"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            {t("nationalRules.exportOne")}
          </Button>
        </Group>

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("nationalRules.documentTypes")}
          </Title>
          <TableScroll label={t("nationalRules.documentTypesCaption")} minWidth={800}>
            <Table striped withTableBorder style={{ verticalAlign: "top" }}>
              <Table.Caption className="visually-hidden-text">{t("nationalRules.documentTypesCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("nationalRules.colType")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colLevel")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colDeadline")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colMeasured")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colFeedback")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colValueSource")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...rules.documentTypes]
                  .sort((a, b) => a.position - b.position)
                  .map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Th scope="row" fw={600}>
                        {typeName(t, d.id)}
                      </Table.Th>
                      <Table.Td>
                        {d.requiredDecisionLevel
                          ? decisionBodyLabel(t, d.requiredDecisionLevel)
                          : t("nationalRules.levelNone")}
                      </Table.Td>
                      <Table.Td className="nowrap">
                        {t("nationalRules.deadlineText", {
                          day: d.deadline.day,
                          month: d.deadline.month,
                          year: d.deadline.yearOfPeriod,
                        })}
                      </Table.Td>
                      <Table.Td>
                        {d.deadline.measuredFrom === "received"
                          ? t("nationalRules.measuredReceived")
                          : t("nationalRules.measuredDecided")}
                      </Table.Td>
                      <Table.Td>{d.feedbackExpected ? t("nationalRules.yes") : t("nationalRules.no")}</Table.Td>
                      <Table.Td>
                        <SourceCell source={d.source} unverified={d.unverified} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("nationalRules.values")}
          </Title>
          <TableScroll label={t("nationalRules.valuesCaption")} minWidth={720}>
            <Table striped withTableBorder style={{ verticalAlign: "top" }}>
              <Table.Caption className="visually-hidden-text">{t("nationalRules.valuesCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("nationalRules.colName")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colValue")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colValueSource")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {VALUE_KEYS.map((key) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={400}>
                      {t(`nationalRules.names.${key}`)}
                    </Table.Th>
                    <Table.Td className="nowrap">{show(key)}</Table.Td>
                    <Table.Td>
                      <SourceCell source={rules[key].source} unverified={rules[key].unverified} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("nationalRules.rsa")}
          </Title>
          <SourceCell source={rules.rsaDisposition.source} unverified={rules.rsaDisposition.unverified} />
          <TableScroll label={t("nationalRules.rsaCaption")} minWidth={640}>
            <Table striped withTableBorder>
              <Table.Caption className="visually-hidden-text">{t("nationalRules.rsaCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("nationalRules.colPosition")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colTitle")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colRequired")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...rules.rsaDisposition.sections]
                  .sort((a, b) => a.position - b.position)
                  .map((s) => (
                    <Table.Tr key={s.position}>
                      <Table.Td>{s.position}</Table.Td>
                      <Table.Th scope="row" fw={400} lang="sv">
                        {s.title}
                      </Table.Th>
                      <Table.Td>{s.required ? t("nationalRules.yes") : t("nationalRules.optional")}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>

        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("nationalRules.costCategories")}
          </Title>
          <Text size="sm">{rules.costCategories.instructions}</Text>
          {rules.costCategories.example && (
            <Text size="sm" c="dimmed">
              {t("nationalRules.costCategoriesExample")}
            </Text>
          )}
          <TableScroll label={t("nationalRules.costCategoriesCaption")} minWidth={720}>
            <Table striped withTableBorder style={{ verticalAlign: "top" }}>
              <Table.Caption className="visually-hidden-text">{t("nationalRules.costCategoriesCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("nationalRules.colCategory")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colEligibility")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colRule")}</Table.Th>
                  <Table.Th scope="col">{t("nationalRules.colValueSource")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.costCategories.items.map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Th scope="row" fw={400} lang="sv">
                      {c.name}
                    </Table.Th>
                    <Table.Td className="nowrap">{t(`nationalRules.eligibility.${c.eligibility}`)}</Table.Td>
                    <Table.Td lang="sv">{c.rule}</Table.Td>
                    <Table.Td>
                      <SourceCell source={c.source} unverified={c.unverified} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>
      </Stack>
    </Paper>
  );
}

type Field = "appliesFrom" | "sourceTitle" | "sourceDnr" | "rules" | "form";

/** A new version: the form field by field, or (advanced) the rules as JSON text. */
function NewVersion({
  base,
  latest,
  onDone,
}: {
  base: NationalRuleVersion;
  latest: NationalRuleVersion;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [json, setJson] = useState(false);
  if (!json) return <RulesVersionForm base={base} onDone={onDone} onJson={() => setJson(true)} />;
  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" onClick={() => setJson(false)}>
          {t("nationalRules.form.asFields")}
        </Button>
      </Group>
      <NewVersionForm latest={latest} onDone={onDone} />
    </Stack>
  );
}

/** A new version: a copy of the latest, its values edited as JSON, from a date and with its source. */
function NewVersionForm({ latest, onDone }: { latest: NationalRuleVersion; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [appliesFrom, setAppliesFrom] = useState("");
  const [sourceTitle, setSourceTitle] = useState(latest.sourceTitle);
  const [sourceDnr, setSourceDnr] = useState(latest.sourceDnr ?? "");
  const [rulesText, setRulesText] = useState(() => JSON.stringify(latest.rules, null, 2));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const mutation = useMutation({
    mutationFn: createNationalRuleVersion,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: nationalRulesKeys.all });
      notifySaved(t("nationalRules.created", { date: saved.appliesFrom }));
      onDone();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    let rules: NationalRules | undefined;
    try {
      rules = JSON.parse(rulesText) as NationalRules;
    } catch (err) {
      found.rules = t("nationalRules.jsonInvalid", { message: (err as Error).message });
    }
    const parsed = NationalRuleVersionInput.safeParse({
      appliesFrom,
      sourceTitle,
      sourceDnr: sourceDnr.trim() || null,
      rules,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        const field: Field =
          key === "appliesFrom" || key === "sourceTitle" || key === "sourceDnr" || key === "rules" ? key : "form";
        found[field] ??= field === "rules" ? `${issue.path.slice(1).join(".")}: ${issue.message}` : issue.message;
      }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-rules-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate data-rules-form>
      <Stack gap="md">
        <Text size="sm">{t("nationalRules.newIntro")}</Text>
        {errors.form && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            <Text>{errors.form}</Text>
          </Alert>
        )}
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <TextInput
          label={t("nationalRules.appliesFrom")}
          description={t("nationalRules.appliesFromHelp")}
          placeholder="2027-01-01"
          required
          value={appliesFrom}
          error={errors.appliesFrom}
          onChange={(e) => setAppliesFrom(e.currentTarget.value)}
        />
        <TextInput
          label={t("nationalRules.sourceTitle")}
          required
          value={sourceTitle}
          error={errors.sourceTitle}
          onChange={(e) => setSourceTitle(e.currentTarget.value)}
        />
        <TextInput
          label={t("nationalRules.sourceDnr")}
          value={sourceDnr}
          error={errors.sourceDnr}
          onChange={(e) => setSourceDnr(e.currentTarget.value)}
        />
        <Textarea
          label={t("nationalRules.rulesJson")}
          description={t("nationalRules.rulesJsonHelp")}
          required
          autosize
          minRows={10}
          maxRows={24}
          spellCheck={false}
          styles={{ input: { fontFamily: "monospace", fontSize: 13 } }}
          value={rulesText}
          error={errors.rules}
          onChange={(e) => setRulesText(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("nationalRules.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Imports a YAML file: the server validates it and saves all or nothing. */
function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: importNationalRules,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: nationalRulesKeys.all });
      notifySaved(t("nationalRules.importDone", result));
      onDone();
    },
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t("nationalRules.chooseFile"));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    mutation.mutate(await file.text());
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t("nationalRules.importIntro")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <Input.Wrapper label={t("nationalRules.importFile")} required error={fileError} id={inputId}>
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            aria-invalid={fileError ? true : undefined}
          />
        </Input.Wrapper>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("nationalRules.import")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
