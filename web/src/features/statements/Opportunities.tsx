import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconMessageReply, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CorrectionOpportunityAnswer, CorrectionOpportunityCreate, type CorrectionOpportunity } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { AppModal } from "../../components/AppModal";
import { DateField } from "../../components/DateField";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { answerOpportunity, createOpportunity, invalidateStatements, opportunitiesQuery } from "./api";
import { CorrectionStateBadge } from "./Badges";

const RANK = { open: 0, lapsed: 1, answered: 2 } as const;

/**
 * The chances to correct wrongful use (R3.2-3): the county gives one with its dates; the municipality's writers
 * answer it, and the county records an answer that came outside the system.
 */
export function OpportunitiesSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useQuery(opportunitiesQuery(code));
  const [giving, setGiving] = useState(false);
  const [answering, setAnswering] = useState<CorrectionOpportunity | null>(null);
  const mayGive = can(me, "correctionOpportunities.write");
  const mayAnswer = can(me, "correctionOpportunities.answer");
  return (
    <Stack gap="xs" component="section" aria-labelledby="opportunities-heading">
      <Title order={2} size="h3" id="opportunities-heading">
        {t("statements.opportunities.heading")}
      </Title>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text size="sm" style={{ flex: "1 1 24rem" }}>
          {t("statements.opportunities.intro")}
        </Text>
        {mayGive && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} variant="default" onClick={() => setGiving(true)}>
            {t("statements.opportunities.give")}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t("statements.opportunities.empty")}</EmptyState>
          ) : (
            <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={t("statements.opportunities.listLabel")}>
              {[...data.items]
                .sort((a, b) => RANK[a.state] - RANK[b.state] || b.offeredOn.localeCompare(a.offeredOn))
                .map((o) => (
                  <List.Item key={o.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
                    <OpportunityCard
                      opportunity={o}
                      onAnswer={
                        // The county records a late answer that came outside the system; the municipality answers while open.
                        mayAnswer && (o.state === "open" || (o.state === "lapsed" && me.role === "county"))
                          ? () => setAnswering(o)
                          : undefined
                      }
                      county={me.role === "county"}
                    />
                  </List.Item>
                ))}
            </List>
          )
        }
      </QueryView>
      {mayGive && (
        <AppModal opened={giving} onClose={() => setGiving(false)} title={t("statements.opportunities.formTitle")}>
          {giving && (
            <GiveForm
              code={code}
              onCancel={() => setGiving(false)}
              onDone={() => {
                setGiving(false);
                notifySaved(t("statements.opportunities.saved"));
              }}
            />
          )}
        </AppModal>
      )}
      {mayAnswer && (
        <AppModal
          opened={answering !== null}
          onClose={() => setAnswering(null)}
          title={t("statements.opportunities.answerTitle")}
        >
          {answering && (
            <AnswerForm
              opportunity={answering}
              county={me.role === "county"}
              onCancel={() => setAnswering(null)}
              onDone={() => {
                setAnswering(null);
                notifySaved(t("statements.opportunities.answerSaved"));
              }}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

function OpportunityCard({
  opportunity: o,
  onAnswer,
  county,
}: {
  opportunity: CorrectionOpportunity;
  onAnswer?: () => void;
  county: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <CorrectionStateBadge state={o.state} />
          <Text size="sm">
            {t("statements.opportunities.offered", { date: o.offeredOn })} ·{" "}
            {t("statements.opportunities.lapses", { date: o.lapsesOn })}
          </Text>
        </Group>
        <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{o.description}</Text>
        {o.answer && (
          <Paper withBorder p="sm" bg="gray.0">
            <Text size="sm" fw={600}>
              {t("statements.opportunities.answeredBy", { date: o.answer.answeredOn, name: o.answer.by.name })}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {o.answer.text}
            </Text>
          </Paper>
        )}
        {onAnswer && (
          <div>
            <Button
              size="sm"
              variant="light"
              leftSection={<IconMessageReply size={18} aria-hidden />}
              onClick={onAnswer}
            >
              {county ? t("statements.opportunities.answerCounty") : t("statements.opportunities.answer")}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function GiveForm({ code, onDone, onCancel }: { code: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { today } = useAppConfig();
  const mutation = useMutation({
    mutationFn: (input: CorrectionOpportunityCreate) => createOpportunity(code, input),
    onSuccess: () => {
      invalidateStatements(queryClient);
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: CorrectionOpportunityCreate,
    initialValues: { description: "", offeredOn: today, lapsesOn: "" },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.offeredOn) errors.offeredOn = t("statements.opportunities.dateRequired");
      if (!v.lapsesOn) errors.lapsesOn = t("statements.opportunities.dateRequired");
      else if (v.offeredOn && v.lapsesOn < v.offeredOn) errors.lapsesOn = t("statements.opportunities.lapsesBefore");
      return errors;
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <Textarea
          label={t("statements.opportunities.description")}
          required
          autosize
          minRows={4}
          maxRows={14}
          {...field("description")}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <DateField label={t("statements.opportunities.offeredOn")} required {...field("offeredOn")} />
          <DateField
            label={t("statements.opportunities.lapsesOn")}
            description={t("statements.opportunities.lapsesHelp")}
            required
            {...field("lapsesOn")}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("statements.opportunities.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AnswerForm({
  opportunity,
  county,
  onDone,
  onCancel,
}: {
  opportunity: CorrectionOpportunity;
  county: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { today } = useAppConfig();
  const mutation = useMutation({
    mutationFn: (input: { text: string; answeredOn?: string }) => answerOpportunity(opportunity.id, input),
    onSuccess: () => {
      invalidateStatements(queryClient);
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: CorrectionOpportunityAnswer,
    initialValues: { text: "", answeredOn: county ? today : "" },
    toInput: (v) => ({ text: v.text, ...(county && v.answeredOn ? { answeredOn: v.answeredOn } : {}) }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Paper withBorder p="sm">
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {opportunity.description}
          </Text>
          <Text size="sm" mt={4}>
            {t("statements.opportunities.lapses", { date: opportunity.lapsesOn })}
          </Text>
        </Paper>
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <Textarea
          label={t("statements.opportunities.answerText")}
          description={
            county
              ? t("statements.opportunities.answerHelpCounty")
              : t("statements.opportunities.answerHelpMunicipality")
          }
          required
          autosize
          minRows={4}
          maxRows={14}
          {...field("text")}
        />
        {county && (
          <DateField
            label={t("statements.opportunities.answeredOn")}
            required
            styles={{ wrapper: { maxWidth: 220 } }}
            {...field("answeredOn")}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("statements.opportunities.answerSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
