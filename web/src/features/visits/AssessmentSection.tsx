import {
  Button,
  Group,
  CloseButton,
  List,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  AGREEMENT_AREAS,
  AREA_RESULTS,
  CRITERION_RESULTS,
  assessVisit,
  type AgreementArea,
  type AreaResult,
  type AssessmentOverride,
  type CriteriaArea,
  type CriterionResult,
  type EvidenceOption,
  type VisitView,
} from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { QueryView } from "../../components/QueryView";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { criteriaLibraryQuery } from "../documents/county/api";
import { evidenceOptionsQuery, saveVisitAssessment, visitKeys } from "./api";

type Assessment = NonNullable<VisitView["assessment"]>;
interface ItemState {
  result: CriterionResult;
  note: string;
  evidence: Assessment["items"][number]["evidence"];
}
interface OverrideState {
  result: AreaResult | "";
  reason: string;
}
const areaKey = (code: string) => `area:${code}`;
const overallKey = (a: AgreementArea) => `overall:${a}`;

/** Better or worse on the scale (full > partly > failed); not assessed is not compared. */
const RANK: Record<string, number> = { met: 3, started: 3, partlyMet: 2, partlyStarted: 2, notMet: 1, notStarted: 1 };

/**
 * Bedömning (R2.8-1, R2.1-2): per selected criterion a result on its area's scale with a note; the areas' and the
 * overall results per agreement area, computed by core's rule as the officer goes, the override with a written
 * reason beside the computed value, and the previous visit's results beside.
 */
export function AssessmentSection({ visit, mayWrite }: { visit: VisitView; mayWrite: boolean }) {
  const { t } = useTranslation();
  const library = useQuery(criteriaLibraryQuery(visit.libraryVersion?.id));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="visit-assessment-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="visit-assessment-heading">
          {t("visits.visit.assessment.title")}
        </Title>
        {!visit.libraryVersion || (visit.criteria ?? []).length === 0 ? (
          <Text>{t("visits.visit.assessment.noCriteria")}</Text>
        ) : (
          <QueryView query={library}>
            {(lib) => <AssessmentForm visit={visit} areas={lib.areas} mayWrite={mayWrite} />}
          </QueryView>
        )}
      </Stack>
    </Paper>
  );
}

function AssessmentForm({ visit, areas, mayWrite }: { visit: VisitView; areas: CriteriaArea[]; mayWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const assessment = visit.assessment!;
  const selected = new Set(visit.criteria ?? []);
  const [items, setItems] = useState<Record<string, ItemState>>(() =>
    Object.fromEntries(
      assessment.items.map((i) => [
        i.criterion,
        { result: i.result as CriterionResult, note: i.note, evidence: i.evidence },
      ]),
    ),
  );
  const [overrides, setOverrides] = useState<Record<string, OverrideState>>(() =>
    Object.fromEntries(
      assessment.overrides.map((o) => [
        o.area ? areaKey(o.area) : overallKey(o.agreementArea!),
        { result: o.result as AreaResult, reason: o.reason },
      ]),
    ),
  );
  const [reasonErrors, setReasonErrors] = useState<Record<string, string>>({});
  const evidenceOptions = useQuery({ ...evidenceOptionsQuery(visit.id), enabled: mayWrite });
  const itemOf = (code: string): ItemState => items[code] ?? { result: "notAssessed", note: "", evidence: [] };
  const setItem = (code: string, patch: Partial<ItemState>) =>
    setItems((prev) => ({ ...prev, [code]: { ...itemOf(code), ...patch } }));
  const overrideOf = (key: string): OverrideState => overrides[key] ?? { result: "", reason: "" };
  const setOverride = (key: string, patch: Partial<OverrideState>) =>
    setOverrides((prev) => ({ ...prev, [key]: { ...overrideOf(key), ...patch } }));

  const shownAreas = areas.filter((a) => a.criteria.some((c) => selected.has(c.code)));
  const overrideList: AssessmentOverride[] = Object.entries(overrides).flatMap(([key, o]) => {
    if (!o.result) return [];
    const [kind, code] = key.split(":") as ["area" | "overall", string];
    return [
      kind === "area"
        ? { area: code, result: o.result, reason: o.reason }
        : { agreementArea: code as AgreementArea, result: o.result, reason: o.reason },
    ];
  });
  // The same rule as the server's (core), over what is on the screen.
  const results = assessVisit(
    areas.map((a) => ({
      code: a.code,
      agreementArea: a.agreementArea,
      items: a.criteria
        .filter((c) => selected.has(c.code))
        .map((c) => ({ tier: c.tier, result: itemOf(c.code).result })),
    })),
    overrideList,
  );
  const previous = assessment.previous;
  const previousItem = (code: string) => previous?.items.find((i) => i.criterion === code)?.result;
  const change = (now: string, before: string | undefined) => {
    if (!before || RANK[now] === undefined || RANK[before] === undefined) return "";
    const d = RANK[now]! - RANK[before]!;
    return ` (${t(`visits.visit.assessment.change.${d > 0 ? "better" : d < 0 ? "worse" : "same"}`)})`;
  };
  const word = (r: string | undefined) => (r ? t(`visits.criterionResult.${r as CriterionResult}`) : "–");

  const save = useMutation({
    mutationFn: () =>
      saveVisitAssessment(visit.id, {
        version: visit.version,
        items: [...selected].map((code) => {
          const item = itemOf(code);
          return { criterion: code, ...item, evidence: item.evidence.map(({ kind, id }) => ({ kind, id })) };
        }),
        overrides: overrideList,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: visitKeys.visit(visit.id) });
      notifySaved(t("visits.visit.assessment.saved"));
    },
  });
  const submit = () => {
    const missing: Record<string, string> = {};
    for (const [key, o] of Object.entries(overrides))
      if (o.result && !o.reason.trim()) missing[key] = t("visits.visit.assessment.reasonRequired");
    setReasonErrors(missing);
    const first = Object.keys(missing)[0];
    if (first) {
      document.getElementById(`override-reason-${first}`)?.focus();
      return;
    }
    save.mutate();
  };

  const overrideCells = (key: string, what: string, agreementArea: AgreementArea) => {
    const o = overrideOf(key);
    return (
      <Table.Td miw={280}>
        <Stack gap={6}>
          <NativeSelect
            aria-label={t("visits.visit.assessment.overrideFor", { what })}
            disabled={!mayWrite}
            data={[
              { value: "", label: t("visits.visit.assessment.overrideNone") },
              ...AREA_RESULTS[agreementArea].map((r) => ({ value: r, label: word(r) })),
            ]}
            value={o.result}
            onChange={(e) => setOverride(key, { result: e.currentTarget.value as AreaResult | "" })}
          />
          {o.result && (
            <Textarea
              autosize
              minRows={2}
              id={`override-reason-${key}`}
              aria-label={t("visits.visit.assessment.overrideReason", { what })}
              placeholder={t("visits.visit.assessment.overrideReasonPlaceholder")}
              readOnly={!mayWrite}
              value={o.reason}
              error={reasonErrors[key]}
              onChange={(e) => setOverride(key, { reason: e.currentTarget.value })}
            />
          )}
        </Stack>
      </Table.Td>
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        {previous?.heldOn
          ? t("visits.visit.assessment.previousVisit", { date: previous.heldOn })
          : t("visits.visit.assessment.noPreviousVisit")}
      </Text>
      {shownAreas.map((area) => (
        <Stack key={area.code} gap="xs" component="section" aria-labelledby={`assess-${area.code}`}>
          <Title order={3} size="h4" id={`assess-${area.code}`}>
            {area.code} – {area.title} ({t(`visits.agreementArea.${area.agreementArea}`)})
          </Title>
          {area.criteria
            .filter((c) => selected.has(c.code))
            .map((c) => {
              const item = itemOf(c.code);
              const before = previousItem(c.code);
              return (
                <Paper key={c.code} withBorder p="sm">
                  <Text fw={600}>
                    {c.code}: {c.text}
                  </Text>
                  <Group align="flex-start" gap="md" mt={6}>
                    <NativeSelect
                      label={t("visits.visit.assessment.result", { code: c.code })}
                      w={240}
                      disabled={!mayWrite}
                      data={CRITERION_RESULTS[area.agreementArea].map((r) => ({ value: r, label: word(r) }))}
                      value={item.result}
                      onChange={(e) => setItem(c.code, { result: e.currentTarget.value as CriterionResult })}
                    />
                    <TextInput
                      label={t("visits.visit.assessment.note", { code: c.code })}
                      style={{ flex: 1, minWidth: 260 }}
                      readOnly={!mayWrite}
                      value={item.note}
                      onChange={(e) => setItem(c.code, { note: e.currentTarget.value })}
                    />
                  </Group>
                  <EvidenceField
                    code={c.code}
                    value={item.evidence}
                    options={evidenceOptions.data?.items}
                    mayWrite={mayWrite}
                    onChange={(evidence) => setItem(c.code, { evidence })}
                  />
                  {previous && (
                    <Text size="sm" mt={4}>
                      {before
                        ? t("visits.visit.assessment.previous", { result: word(before) }) + change(item.result, before)
                        : t("visits.visit.assessment.noPrevious")}
                    </Text>
                  )}
                </Paper>
              );
            })}
        </Stack>
      ))}

      <Title order={3} size="h4" id="assess-areas">
        {t("visits.visit.assessment.areas")}
      </Title>
      <TableScroll label={t("visits.visit.assessment.areasCaption")} minWidth={900}>
        <Table withTableBorder striped aria-labelledby="assess-areas">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("visits.visit.assessment.colArea")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.colComputed")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.colResult")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.colPrevious")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.override")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ verticalAlign: "top" }}>
            {results.areas.map((r) => {
              const area = areas.find((a) => a.code === r.area)!;
              const what = `${area.code} – ${area.title}`;
              const before = previous?.results.areas.find((p) => p.area === r.area)?.result;
              return (
                <Table.Tr key={r.area} data-testid={`area-${r.area}`}>
                  <Table.Th scope="row">
                    {what}
                    <Text size="sm" fw={400}>
                      {t(`visits.agreementArea.${r.agreementArea}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>{word(r.computed)}</Table.Td>
                  <Table.Td>
                    <ResultCell result={word(r.result)} reason={r.reason} />
                  </Table.Td>
                  <Table.Td>{previous ? word(before) + (before ? change(r.result, before) : "") : "–"}</Table.Td>
                  {overrideCells(areaKey(r.area), what, r.agreementArea)}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>

      <Title order={3} size="h4" id="assess-overall">
        {t("visits.visit.assessment.overall")}
      </Title>
      <TableScroll label={t("visits.visit.assessment.overallCaption")} minWidth={900}>
        <Table withTableBorder striped aria-labelledby="assess-overall">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("visits.visit.assessment.colAgreement")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.colComputed")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.colResult")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.colPrevious")}</Table.Th>
              <Table.Th scope="col">{t("visits.visit.assessment.override")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ verticalAlign: "top" }}>
            {AGREEMENT_AREAS.map((a) => {
              const r = results.overall[a];
              const what = t(`visits.agreementArea.${a}`);
              const before = previous?.results.overall[a].result;
              return (
                <Table.Tr key={a} data-testid={`overall-${a}`}>
                  <Table.Th scope="row">{what}</Table.Th>
                  <Table.Td>{word(r.computed)}</Table.Td>
                  <Table.Td>
                    <ResultCell result={word(r.result)} reason={r.reason} />
                  </Table.Td>
                  <Table.Td>{previous ? word(before) + (before ? change(r.result, before) : "") : "–"}</Table.Td>
                  {overrideCells(overallKey(a), what, a)}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {save.isError && <ErrorState error={save.error} title={t("common.errorNotificationTitle")} />}
      {mayWrite && (
        <Group justify="flex-end">
          <Button loading={save.isPending} onClick={submit}>
            {t("visits.visit.assessment.save")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const evidenceKey = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;

/**
 * The evidence of one criterion: a list of what is linked (in full words) and a searchable choice that adds one of
 * the municipality's documents, reviews and dialogue entries. Readers see the list.
 */
function EvidenceField({
  code,
  value,
  options,
  mayWrite,
  onChange,
}: {
  code: string;
  value: EvidenceOption[];
  options: EvidenceOption[] | undefined;
  mayWrite: boolean;
  onChange: (evidence: EvidenceOption[]) => void;
}) {
  const { t } = useTranslation();
  const label = t("visits.visit.assessment.evidence", { code });
  const chosen = new Set(value.map(evidenceKey));
  const groups = (["documentVersion", "documentReview", "dialogueEntry", "annualReport"] as const)
    .map((kind) => ({
      group: t(`visits.visit.assessment.evidenceKind.${kind}`),
      items: (options ?? [])
        .filter((o) => o.kind === kind && !chosen.has(evidenceKey(o)))
        .map((o) => ({ value: evidenceKey(o), label: o.label })),
    }))
    .filter((g) => g.items.length > 0);
  if (!mayWrite && value.length === 0) return null;
  return (
    <Stack gap={4} mt={6}>
      {value.length > 0 && (
        <>
          <Text size="sm" fw={600} id={`evidence-${code}`}>
            {label}
          </Text>
          <List size="sm" spacing={2} aria-labelledby={`evidence-${code}`}>
            {value.map((e) => (
              <List.Item key={evidenceKey(e)}>
                <Group gap={4} wrap="nowrap" align="center">
                  <span>{e.label}</span>
                  {mayWrite && (
                    <CloseButton
                      size="sm"
                      aria-label={t("visits.visit.assessment.evidenceRemove", { label: e.label })}
                      onClick={() => onChange(value.filter((v) => evidenceKey(v) !== evidenceKey(e)))}
                    />
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {mayWrite && (
        <Select
          label={t("visits.visit.assessment.evidenceAdd", { code })}
          placeholder={t("visits.visit.assessment.evidencePlaceholder")}
          nothingFoundMessage={t("visits.visit.assessment.evidenceNone")}
          searchable
          data={groups}
          value={null}
          maw={640}
          onChange={(key) => {
            const found = options?.find((o) => evidenceKey(o) === key);
            if (found) onChange([...value, found]);
          }}
        />
      )}
    </Stack>
  );
}

/** The result that applies, and when it is an override, that it is one and why (the computed value is beside). */
function ResultCell({ result, reason }: { result: string; reason: string | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={600} span>
        {result}
      </Text>
      {reason !== null && <Text size="sm">{t("visits.visit.assessment.overridden", { reason })}</Text>}
    </Stack>
  );
}
