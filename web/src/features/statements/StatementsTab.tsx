import { Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { GroundFinding } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { groundsQuery, municipalityStatementsQuery } from "./api";
import { EvidenceList } from "./Evidence";
import { sortOwnStatements } from "./model";
import { NewStatementForm } from "./NewStatementForm";
import { NoticesSection } from "./Notices";
import { OpportunitiesSection } from "./Opportunities";
import { StatementTable } from "./StatementTable";

/**
 * The municipality page's Yttranden tab (R3.1-1, R3.2-2, R3.2-3, R3.3-3): for the county the grounds the system
 * finds and a new statement from them; the statements about the municipality; the chances to correct; and the
 * municipality's notices of savings it cannot use.
 */
export function StatementsTab({ code }: { code: string }) {
  const me = useMe();
  return (
    <Stack gap="xl">
      {can(me, "statementGrounds.read") && <GroundsSection code={code} />}
      <StatementsSection code={code} />
      {can(me, "correctionOpportunities.read") && <OpportunitiesSection code={code} />}
      {can(me, "savingsNotices.read") && <NoticesSection code={code} />}
    </Stack>
  );
}

function GroundsSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const grounds = useQuery(groundsQuery(code));
  const [creating, setCreating] = useState(false);
  const mayWrite = can(me, "statements.write");
  return (
    <Stack gap="xs" component="section" aria-labelledby="grounds-heading">
      <Title order={2} size="h3" id="grounds-heading">
        {t("statements.grounds.heading")}
      </Title>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text size="sm" style={{ flex: "1 1 24rem" }}>
          {t("statements.grounds.intro")}
        </Text>
        {mayWrite && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setCreating(true)}
            disabled={grounds.isPending}
          >
            {t("statements.create.button")}
          </Button>
        )}
      </Group>
      <QueryView query={grounds}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t("statements.grounds.empty")}</EmptyState>
          ) : (
            <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={t("statements.grounds.listLabel")}>
              {data.items.map((f) => (
                <List.Item
                  key={f.ground}
                  styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}
                >
                  <FindingCard finding={f} />
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>
      {mayWrite && (
        <AppModal opened={creating} onClose={() => setCreating(false)} title={t("statements.create.title")}>
          {creating && (
            <NewStatementForm
              code={code}
              findings={grounds.data?.items ?? []}
              onCancel={() => setCreating(false)}
              onDone={(statement) => {
                setCreating(false);
                notifySaved(t("statements.create.created"));
                void navigate({ to: "/yttranden/$id", params: { id: statement.id } });
              }}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

function FindingCard({ finding }: { finding: GroundFinding }) {
  const { t } = useTranslation();
  const name = t(`statements.ground.${finding.ground}`);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {name}
        </Title>
        <Text size="sm">
          <Text span fw={600}>
            {t("statements.rule")}:
          </Text>{" "}
          {finding.rule}
        </Text>
        <Text size="sm" fw={600}>
          {t("statements.evidence")}
        </Text>
        <EvidenceList evidence={finding.evidence} label={`${t("statements.evidence")}: ${name}`} />
      </Stack>
    </Paper>
  );
}

function StatementsSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useQuery(municipalityStatementsQuery(code));
  return (
    <Stack gap="xs" component="section" aria-labelledby="statements-heading">
      <Title order={2} size="h3" id="statements-heading">
        {t("statements.list.heading")}
      </Title>
      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>
              {me.role === "municipality" ? t("statements.list.emptyMunicipality") : t("statements.list.empty")}
            </EmptyState>
          ) : (
            <StatementTable
              items={sortOwnStatements(data.items)}
              caption={t("statements.list.caption")}
              withMunicipality={false}
              mayOpenCase={can(me, "reductionCases.read")}
            />
          )
        }
      </QueryView>
    </Stack>
  );
}
