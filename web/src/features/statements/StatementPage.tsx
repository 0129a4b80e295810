import { Alert, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { Statement } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { errorHeading } from "../../components/errorHeading";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { RequireAccess } from "../../components/RequireAccess";
import { AnchorLink, PathLink } from "../../components/links";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { TEXT_COLOR } from "../documents/colors";
import { DownloadLink } from "../documents/DownloadLink";
import { statementFileUrl, statementQuery } from "./api";
import { CorrectionStateBadge, StatementStatusBadge } from "./Badges";
import { DraftForm } from "./DraftForm";
import { Preconditions } from "./Preconditions";
import { ApproveAction, SendAction } from "./StatementActions";
import { statementFileName } from "./model";

const route = getRouteApi("/signed-in/yttranden/$id");

/**
 * One statement to the agency (R3.1-1, R3.2-1, R3.2-3): its facts, the preconditions checklist, the draft's edit
 * form, the county head's approval and sending, the documents and, once sent, the agency's case.
 */
export function StatementPage() {
  const { id } = route.useParams();
  return (
    <RequireAccess action="statements.read">
      <StatementView id={id} />
    </RequireAccess>
  );
}

function StatementView({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const statement = useQuery(statementQuery(id));
  if (statement.isPending) return <LoadingState />;
  if (statement.isError)
    return (
      <Page title={errorHeading(t, statement.error)}>
        <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
      </Page>
    );
  const s = statement.data;
  const editing = s.status === "draft" && s.can.edit;
  return (
    <Page title={t("statements.page.title", { municipality: s.municipality.name })}>
      <AnchorLink
        to="/kommun/$code"
        params={{ code: s.municipality.code }}
        search={{ flik: "yttranden", period: s.period }}
      >
        {t("statements.page.back")}
      </AnchorLink>
      <Header statement={s} />
      {(s.can.approve || s.can.send) && (
        <Group gap="md">
          {s.can.approve && <ApproveAction statement={s} />}
          {s.can.send && <SendAction statement={s} />}
        </Group>
      )}
      {s.override && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconAlertTriangle aria-hidden />}
          title={t("statements.page.overrideHeading")}
          styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: TEXT_COLOR.orange } }}
        >
          <Stack gap={4}>
            <Text style={{ whiteSpace: "pre-wrap" }}>{s.override.reason}</Text>
            <Text size="sm">
              {t("statements.page.overrideMissing", {
                list: s.override.missing.map((k) => t(`statements.precondition.${k}`)).join(", "),
              })}
            </Text>
          </Stack>
        </Alert>
      )}
      {s.reductionCase && can(me, "reductionCases.read") && (
        <Paper withBorder p="md" component="section" aria-labelledby="case-heading">
          <Title order={2} size="h3" id="case-heading" mb="xs">
            {t("statements.page.caseHeading")}
          </Title>
          <AnchorLink to="/arenden/$id" params={{ id: s.reductionCase.id }}>
            {t("statements.page.caseLink")}
          </AnchorLink>
        </Paper>
      )}
      {s.savingsNotice && (
        <Paper withBorder p="md" component="section" aria-labelledby="notice-heading">
          <Title order={2} size="h3" id="notice-heading" mb="xs">
            {t("statements.page.noticeHeading")}
          </Title>
          <Text size="sm" fw={600}>
            <time dateTime={s.savingsNotice.createdOn}>{s.savingsNotice.createdOn}</time>
          </Text>
          <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{s.savingsNotice.text}</Text>
        </Paper>
      )}
      <Downloads statement={s} />
      {s.status !== "sent" && <Preconditions statement={s} />}
      {editing ? (
        // The key remounts the form on another statement, not on this one's saves.
        <DraftForm key={s.id} statement={s} />
      ) : (
        <>
          {s.status === "draft" && (
            <Alert
              variant="light"
              color="gray"
              icon={<IconInfoCircle aria-hidden />}
              styles={{ message: { color: "var(--mantine-color-text)" } }}
            >
              {t("statements.page.readOnly")}
            </Alert>
          )}
          <ReadOnlyContent statement={s} />
        </>
      )}
      {s.status === "sent" && <Preconditions statement={s} />}
    </Page>
  );
}

function Header({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  const none = t("statements.page.noValue");
  const facts: [string, React.ReactNode][] = [
    [t("statements.page.municipality"), s.municipality.name],
    [t("statements.page.county"), s.county.name],
    [t("statements.page.status"), <StatementStatusBadge key="status" status={s.status} />],
    [t("statements.page.initiator"), t(`statements.initiatorWho.${s.initiatedBy}`)],
    [t("statements.page.draftedBy"), s.draftedBy.name],
    [
      t("statements.page.approvedBy"),
      s.approvedBy ? t("statements.page.approvedValue", { name: s.approvedBy.name, date: s.approvedOn ?? "" }) : none,
    ],
    [t("statements.page.sentOn"), s.sentOn ?? none],
    [t("statements.page.registrationNumber"), s.registrationNumber ?? none],
  ];
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="dl" style={{ margin: 0 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dark.5" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Downloads({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  const links: { part: "statement" | "appendix"; format: "pdf" | "docx"; label: string }[] = [
    { part: "statement", format: "pdf", label: t("statements.page.pdf") },
    { part: "statement", format: "docx", label: t("statements.page.docx") },
    ...(s.hasSecretAppendix
      ? [
          { part: "appendix" as const, format: "pdf" as const, label: t("statements.page.appendixPdf") },
          { part: "appendix" as const, format: "docx" as const, label: t("statements.page.appendixDocx") },
        ]
      : []),
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="downloads-heading">
      <Title order={2} size="h3" id="downloads-heading">
        {t("statements.page.downloadsHeading")}
      </Title>
      <Group gap="lg" wrap="wrap">
        {links.map((l) => (
          <DownloadLink
            key={`${l.part}-${l.format}`}
            href={statementFileUrl(s.id, l.part, l.format)}
            fileName={statementFileName(s, l.part, l.format)}
          >
            {l.label}
          </DownloadLink>
        ))}
      </Group>
      {s.status !== "sent" && <Text size="sm">{t("statements.page.draftWatermark")}</Text>}
    </Stack>
  );
}

/** The statement as it stands, for those who cannot (or can no longer) edit it. */
function ReadOnlyContent({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="grounds-view-heading">
        <Title order={2} size="h3" id="grounds-view-heading">
          {t("statements.page.groundsHeading")}
        </Title>
        {s.grounds.length === 0 ? (
          <Text>{t("statements.page.groundsNone")}</Text>
        ) : (
          s.grounds.map((g) => (
            <Paper key={g.ground} withBorder p="md">
              <Stack gap={4}>
                <Title order={3} size="h4">
                  {t(`statements.ground.${g.ground}`)}
                </Title>
                {g.text && <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{g.text}</Text>}
                <Text size="sm" c="dark.5">
                  {t("statements.rule")}: {g.rule}
                </Text>
                <Text size="sm" fw={600}>
                  {t("statements.page.communicatedBy")}
                </Text>
                {g.communicatedBy.length === 0 ? (
                  <Text size="sm">{t("statements.page.communicatedNone")}</Text>
                ) : (
                  <List size="sm">
                    {g.communicatedBy.map((c) => (
                      <List.Item key={`${c.kind}:${c.id}`}>
                        {c.date && <time dateTime={c.date}>{c.date}</time>} {c.date && ": "}
                        {c.link ? <PathLink href={c.link}>{c.label}</PathLink> : c.label}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            </Paper>
          ))
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="text-view-heading">
        <Title order={2} size="h3" id="text-view-heading">
          {t("statements.page.textHeading")}
        </Title>
        <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {s.text || t("statements.page.textNone")}
        </Text>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="actions-view-heading">
        <Title order={2} size="h3" id="actions-view-heading">
          {t("statements.page.actionsHeading")}
        </Title>
        {s.actions.length === 0 ? (
          <Text>{t("statements.page.actionsNone")}</Text>
        ) : (
          <List size="sm">
            {s.actions.map((a) => (
              <List.Item key={a.id}>
                <PathLink href={a.link}>{a.text ?? t("statements.page.confidentialAction")}</PathLink> (
                {t("statements.page.actionDue", { date: a.due })})
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="opps-view-heading">
        <Title order={2} size="h3" id="opps-view-heading">
          {t("statements.page.opportunitiesHeading")}
        </Title>
        {s.correctionOpportunities.length === 0 ? (
          <Text>{t("statements.page.opportunitiesNone")}</Text>
        ) : (
          <List size="sm" listStyleType="none" spacing="xs" p={0}>
            {s.correctionOpportunities.map((o) => (
              <List.Item key={o.id}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <CorrectionStateBadge state={o.state} />
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {o.description}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {s.secretParts.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="secret-view-heading">
          <Title order={2} size="h3" id="secret-view-heading">
            {t("statements.page.secretHeading")}
          </Title>
          {s.secretParts.map((p, i) => (
            <Paper key={i} withBorder p="md">
              <Text size="sm" fw={600}>
                {t("statements.page.secretBasis", { basis: p.confidential.basis })}
              </Text>
              <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {p.text ?? t("statements.page.secretHidden")}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
