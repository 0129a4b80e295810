import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconFileText } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { CriteriaArea, CriteriaLibraryVersion, CriterionTier } from "@uppsikt/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  activateCriteriaVersion,
  criteriaExportUrl,
  criteriaLibraryQuery,
  criteriaVersionsQuery,
  oversightKeys,
} from "../documents/county/api";
import { useAppConfig } from "../../api/useAppConfig";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { notifyError, notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { formatDate } from "../../lib/formatDate";
import { useDocumentTypeName } from "../documents/county/labels";
import { CriteriaImport } from "./CriteriaImport";

const route = getRouteApi("/signed-in/kriterier");

/** Bedömningskriterier: the national library (R4-1, R1-2); everyone reads it, the agency imports and activates. */
export function CriteriaPage() {
  return (
    <RequireAccess action="criteria.read">
      <Criteria />
    </RequireAccess>
  );
}

function Criteria() {
  const { t } = useTranslation();
  const me = useMe();
  const { agencyName } = useAppConfig();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/kriterier" });
  const mayWrite = can(me, "criteria.write");
  const library = useQuery({ ...criteriaLibraryQuery(search.version), placeholderData: keepPreviousData });
  const versions = useQuery(criteriaVersionsQuery);
  const showVersion = (version: string | undefined) =>
    void navigate({ search: { version }, replace: true, resetScroll: false });

  return (
    <Page title={t("criteria.title")} intro={t("criteria.intro", { agency: agencyName })}>
      {library.isPending ? (
        <LoadingState />
      ) : library.isError ? (
        <ErrorState error={library.error} onRetry={() => void library.refetch()} />
      ) : !library.data.version ? (
        <EmptyState>{mayWrite ? t("criteria.noneAgency") : t("criteria.none")}</EmptyState>
      ) : (
        <>
          <VersionSummary version={library.data.version} versions={versions.data?.items ?? []} onShow={showVersion} />
          <Areas areas={library.data.areas} busy={library.isFetching} />
        </>
      )}
      <Versions onShow={showVersion} shown={library.data?.version?.id} mayWrite={mayWrite} />
      <Text>
        {t("criteria.seeAlso")} <AnchorLink to="/osl-grunder">{t("nav.oslGrounds")}</AnchorLink>.
      </Text>
      {mayWrite && <CriteriaImport />}
    </Page>
  );
}

function VersionSummary({
  version,
  versions,
  onShow,
}: {
  version: CriteriaLibraryVersion;
  versions: CriteriaLibraryVersion[];
  onShow: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { agencyName } = useAppConfig();
  return (
    <Stack gap="sm">
      {version.isExample && (
        <Alert
          role="note"
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t("criteria.exampleTitle")}
          styles={{
            title: { color: "var(--mantine-color-dark-9)", fontSize: "var(--mantine-font-size-md)" },
            message: { color: "var(--mantine-color-text)" },
          }}
        >
          {t("criteria.exampleText", { agency: agencyName })}
        </Alert>
      )}
      {!version.active && (
        <Alert role="note" variant="light" color="gray" styles={{ message: { color: "var(--mantine-color-text)" } }}>
          <Group gap="sm">
            <Text>{t("criteria.viewingOther", { version: version.version })}</Text>
            <Button size="xs" variant="outline" onClick={() => onShow(undefined)}>
              {t("criteria.viewActive")}
            </Button>
          </Group>
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="criteria-version-heading">
        <Group justify="space-between" align="flex-start" gap="md" mb="sm">
          <Title order={2} size="h3" id="criteria-version-heading">
            {t("criteria.about")}
          </Title>
          {versions.length > 1 && (
            <NativeSelect
              label={t("criteria.showVersion")}
              w={360}
              data={versions.map((v) => ({
                value: v.id,
                label: t(v.active ? "criteria.versionOptionActive" : "criteria.versionOption", {
                  version: v.version,
                  name: v.name,
                }),
              }))}
              value={version.id}
              onChange={(e) => {
                const id = e.currentTarget.value;
                onShow(versions.find((v) => v.id === id)?.active ? undefined : id);
              }}
            />
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" style={{ margin: 0 }}>
          <Fact label={t("criteria.name")}>{version.name}</Fact>
          <Fact label={t("criteria.version")}>{version.version}</Fact>
          <Fact label={t("criteria.source")}>{version.sourceReference}</Fact>
          <Fact label={t("criteria.state")}>
            {version.active ? (
              <Group gap={4} component="span">
                <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-8)" />
                {t("criteria.activeVersion")}
              </Group>
            ) : (
              t("criteria.notActiveVersion")
            )}
          </Fact>
          <Fact label={t("criteria.imported")}>
            {version.importedBy
              ? t("criteria.importedBy", { date: formatDate(version.importedAt), name: version.importedBy })
              : formatDate(version.importedAt)}
          </Fact>
          <Fact label={t("criteria.counts")}>
            {t("criteria.countsValue", { areas: version.areaCount, criteria: version.criterionCount })}
          </Fact>
        </SimpleGrid>
        <Group gap="sm" mt="md">
          <ExportLinks version={version} />
        </Group>
      </Paper>
    </Stack>
  );
}

function ExportLinks({ version, compact = false }: { version: CriteriaLibraryVersion; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        component="a"
        href={criteriaExportUrl(version.id, "xlsx")}
        download
        size={compact ? "xs" : "sm"}
        variant="outline"
        leftSection={<IconFileSpreadsheet size={compact ? 14 : 18} aria-hidden />}
        aria-label={compact ? t("criteria.versions.exportXlsxFor", { version: version.version }) : undefined}
      >
        {compact ? "Excel" : t("criteria.exportXlsx")}
      </Button>
      <Button
        component="a"
        href={criteriaExportUrl(version.id, "yaml")}
        download
        size={compact ? "xs" : "sm"}
        variant="outline"
        leftSection={<IconFileText size={compact ? 14 : 18} aria-hidden />}
        aria-label={compact ? t("criteria.versions.exportYamlFor", { version: version.version }) : undefined}
      >
        {compact ? "YAML" : t("criteria.exportYaml")}
      </Button>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dark.5" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

export function TierMark({ tier }: { tier: CriterionTier }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={tier === "basic" ? "filled" : "outline"}
      color="uppsikt"
      radius="sm"
      size="lg"
      styles={{ label: { textTransform: "none" } }}
    >
      {t(`criteria.tier.${tier}`)}
    </Badge>
  );
}

function Areas({ areas, busy }: { areas: CriteriaArea[]; busy: boolean }) {
  const { t } = useTranslation();
  const typeName = useDocumentTypeName();
  return (
    <Stack gap="lg" aria-busy={busy}>
      <nav aria-labelledby="criteria-contents">
        <Title order={2} size="h3" id="criteria-contents" mb="xs">
          {t("criteria.contents")}
        </Title>
        <List spacing={2}>
          {areas.map((area) => (
            <List.Item key={area.id}>
              <Anchor href={`#omrade-${area.code}`}>
                {area.code} – {area.title}
              </Anchor>{" "}
              ({t("criteria.criteriaCount", { count: area.criteria.length })})
            </List.Item>
          ))}
        </List>
      </nav>
      {areas.map((area) => {
        const caption = t("criteria.caption", { area: area.title });
        return (
          <Stack key={area.id} gap="xs" component="section" aria-labelledby={`omrade-${area.code}`}>
            <Title order={2} size="h3" id={`omrade-${area.code}`} tabIndex={-1} style={{ scrollMarginTop: 80 }}>
              {area.code} – {area.title}
            </Title>
            {area.description && <Text maw={760}>{area.description}</Text>}
            <TableScroll label={caption} minWidth={760}>
              <Table withTableBorder striped layout="fixed">
                <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w={90}>
                      {t("criteria.colCode")}
                    </Table.Th>
                    <Table.Th scope="col">{t("criteria.colCriterion")}</Table.Th>
                    <Table.Th scope="col" w={190}>
                      {t("criteria.colTier")}
                    </Table.Th>
                    <Table.Th scope="col" w={280}>
                      {t("criteria.colDocuments")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody style={{ verticalAlign: "top" }}>
                  {area.criteria.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row" className="nowrap" fw={600}>
                        {c.code}
                      </Table.Th>
                      <Table.Td>
                        <Text>{c.text}</Text>
                        {c.help && (
                          <Text size="sm" mt={4} c="dark.6">
                            <Text component="span" size="sm" fw={600}>
                              {t("criteria.help")}:
                            </Text>{" "}
                            {c.help}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className="nowrap">
                        <TierMark tier={c.tier} />
                      </Table.Td>
                      <Table.Td>
                        {c.documentTypes.length === 0 ? (
                          <Text size="sm" fs="italic">
                            {t("criteria.general")}
                          </Text>
                        ) : (
                          <List size="sm" spacing={2}>
                            {c.documentTypes.map((d) => (
                              <List.Item key={d}>{typeName(d)}</List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Stack>
        );
      })}
    </Stack>
  );
}

function Versions({
  onShow,
  shown,
  mayWrite,
}: {
  onShow: (id: string | undefined) => void;
  shown?: string;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useQuery(criteriaVersionsQuery);
  const [activating, setActivating] = useState<CriteriaLibraryVersion | null>(null);
  const activate = useMutation({
    mutationFn: (v: CriteriaLibraryVersion) => activateCriteriaVersion(v.id),
    onSuccess: (v) => {
      void queryClient.invalidateQueries({ queryKey: oversightKeys.criteriaAll });
      notifySaved(t("criteria.versions.activated", { version: v.version }));
      setActivating(null);
      onShow(undefined);
    },
    onError: (error) => notifyError(error.message),
  });
  const caption = t("criteria.versions.caption");

  return (
    <Stack gap="xs" component="section" aria-labelledby="criteria-versions-heading" mt="md">
      <Title order={2} size="h3" id="criteria-versions-heading">
        {t("criteria.versions.title")}
      </Title>
      <QueryView query={versions}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState>{t("criteria.none")}</EmptyState>
          ) : (
            <TableScroll label={caption} minWidth={900}>
              <Table withTableBorder striped>
                <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("criteria.versions.colVersion")}</Table.Th>
                    <Table.Th scope="col">{t("criteria.versions.colName")}</Table.Th>
                    <Table.Th scope="col">{t("criteria.versions.colImported")}</Table.Th>
                    <Table.Th scope="col">{t("criteria.versions.colCounts")}</Table.Th>
                    <Table.Th scope="col">{t("criteria.versions.colStatus")}</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden-text">{t("criteria.versions.colActions")}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody style={{ verticalAlign: "top" }}>
                  {items.map((v) => (
                    <Table.Tr key={v.id} aria-current={v.id === shown ? "true" : undefined}>
                      <Table.Th scope="row" className="nowrap" fw={600}>
                        {v.version}
                      </Table.Th>
                      <Table.Td maw={360}>
                        <Text>{v.name}</Text>
                        <Text size="sm" c="dark.6">
                          {v.sourceReference}
                        </Text>
                      </Table.Td>
                      <Table.Td className="nowrap">{formatDate(v.importedAt)}</Table.Td>
                      <Table.Td>
                        {t("criteria.countsValue", { areas: v.areaCount, criteria: v.criterionCount })}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          {v.active ? (
                            <Group gap={4} wrap="nowrap">
                              <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-8)" />
                              <Text component="span" size="sm" fw={600}>
                                {t("criteria.versions.active")}
                              </Text>
                            </Group>
                          ) : (
                            <Text size="sm">{t("criteria.versions.inactive")}</Text>
                          )}
                          {v.isExample && (
                            <Text size="sm" fs="italic">
                              {t("criteria.versions.example")}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {v.id !== shown && (
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={t("criteria.versions.showFor", { version: v.version })}
                              onClick={() => {
                                onShow(v.active ? undefined : v.id);
                                window.scrollTo({ top: 0 });
                              }}
                            >
                              {t("criteria.versions.show")}
                            </Button>
                          )}
                          <ExportLinks version={v} compact />
                          {mayWrite && !v.active && (
                            <Button
                              size="xs"
                              aria-label={t("criteria.versions.activateFor", { version: v.version })}
                              onClick={() => setActivating(v)}
                            >
                              {t("criteria.versions.activate")}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryView>
      {mayWrite && (
        <AppModal
          opened={activating !== null}
          onClose={() => setActivating(null)}
          title={t("criteria.versions.confirmTitle")}
        >
          {activating && (
            <Stack gap="md">
              <Text>{t("criteria.versions.confirmText", { version: activating.version })}</Text>
              {activating.isExample && <Text fw={600}>{t("criteria.versions.confirmExample")}</Text>}
              {activate.isError && <ErrorState error={activate.error} />}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setActivating(null)}>
                  {t("common.cancel")}
                </Button>
                <Button loading={activate.isPending} onClick={() => activate.mutate(activating)}>
                  {t("criteria.versions.confirm")}
                </Button>
              </Group>
            </Stack>
          )}
        </AppModal>
      )}
    </Stack>
  );
}
