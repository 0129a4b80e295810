import { Badge, Button, Stack, Table, Text, Title } from "@mantine/core";
import { IconLock, IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { yearOf, type CompensationPart } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { compensationPartsQuery } from "./api";
import { ImportSection } from "./ImportSection";
import { PartForm } from "./PartForm";
import { TEXT_COLOR } from "../documents/colors";

type Editing = { mode: "new" } | { mode: "edit"; part: CompensationPart } | null;

/**
 * The compensation (R1-5), national reference data kept by the agency: the parts of each agreement and money outside
 * them, with their years, whether they count toward savings, confidentiality, predecessor and source; and the
 * import of a year's payout list. Others allowed to read the economy read the parts.
 */
export function CompensationPage() {
  return (
    <RequireAccess action="economy.read">
      <Compensation />
    </RequireAccess>
  );
}

function Compensation() {
  const { t } = useTranslation();
  const me = useMe();
  const config = useAppConfig();
  const parts = useQuery(compensationPartsQuery);
  const mayWrite = can(me, "compensation.write");
  const [editing, setEditing] = useState<Editing>(null);
  const defaultYear = config.today ? yearOf(config.today) : new Date().getFullYear();
  const items = [...(parts.data?.items ?? [])].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  return (
    <Page title={t("compensation.title")} intro={t("compensation.intro")}>
      <Stack gap="sm" component="section" aria-labelledby="compensation-parts-heading">
        <div style={{ display: "flex", flexWrap: "wrap", gap: "1rem", justifyContent: "space-between" }}>
          <Title order={2} size="h3" id="compensation-parts-heading">
            {t("compensation.parts.title")}
          </Title>
          {mayWrite && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ mode: "new" })}>
              {t("compensation.parts.add")}
            </Button>
          )}
        </div>
        <Text size="sm" maw={820}>
          {t("compensation.parts.intro")}
        </Text>
        <QueryView query={parts}>
          {() =>
            items.length === 0 ? (
              <EmptyState>{t("compensation.parts.empty")}</EmptyState>
            ) : (
              <PartsTable parts={items} mayWrite={mayWrite} onEdit={(part) => setEditing({ mode: "edit", part })} />
            )
          }
        </QueryView>
      </Stack>
      {mayWrite && <ImportSection parts={items} />}
      {mayWrite && (
        <AppModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing?.mode === "edit" ? t("compensation.parts.editTitle") : t("compensation.parts.addTitle")}
        >
          {editing && (
            <PartForm
              key={editing.mode === "edit" ? editing.part.code : "new"}
              part={editing.mode === "edit" ? editing.part : undefined}
              parts={items}
              defaultYear={defaultYear}
              onCancel={() => setEditing(null)}
              onDone={(saved) => {
                notifySaved(
                  t(editing.mode === "edit" ? "compensation.parts.edited" : "compensation.parts.added", {
                    code: saved.code,
                  }),
                );
                setEditing(null);
              }}
            />
          )}
        </AppModal>
      )}
    </Page>
  );
}

export function PartsTable({
  parts,
  mayWrite,
  onEdit,
}: {
  parts: CompensationPart[];
  mayWrite: boolean;
  onEdit: (part: CompensationPart) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <TableScroll label={t("compensation.parts.caption")} minWidth={1100}>
      <Table striped withTableBorder verticalSpacing="sm" data-testid="compensation-parts">
        <Table.Caption className="visually-hidden-text">{t("compensation.parts.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("compensation.parts.colCode")}</Table.Th>
            <Table.Th scope="col">{t("compensation.parts.colName")}</Table.Th>
            <Table.Th scope="col">{t("compensation.parts.colAgreement")}</Table.Th>
            <Table.Th scope="col">{t("compensation.parts.colYears")}</Table.Th>
            <Table.Th scope="col">{t("compensation.parts.colCounts")}</Table.Th>
            <Table.Th scope="col">{t("compensation.parts.colConfidential")}</Table.Th>
            <Table.Th scope="col">{t("compensation.parts.colPredecessor")}</Table.Th>
            <Table.Th scope="col">{t("compensation.parts.colSource")}</Table.Th>
            {mayWrite && (
              <Table.Th scope="col">
                <span className="visually-hidden-text">{t("compensation.parts.colActions")}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ verticalAlign: "top" }}>
          {parts.map((p) => {
            const name = en ? p.nameEn : p.name;
            return (
              <Table.Tr key={p.code}>
                <Table.Td className="nowrap">
                  <code>{p.code}</code>
                </Table.Td>
                <Table.Td fw={500} maw={260}>
                  {name}
                  <Text size="sm" fw={400} lang={en ? "sv" : "en"}>
                    {en ? p.name : p.nameEn}
                  </Text>
                </Table.Td>
                <Table.Td maw={260}>{p.agreement ? p.agreement.title : t("compensation.parts.outside")}</Table.Td>
                <Table.Td className="nowrap">
                  {p.lastYear === null
                    ? t("compensation.parts.yearsOpen", { first: p.firstYear })
                    : t("compensation.parts.years", { first: p.firstYear, last: p.lastYear })}
                </Table.Td>
                <Table.Td>{t(p.countsTowardSavings ? "compensation.yes" : "compensation.no")}</Table.Td>
                <Table.Td maw={200}>
                  {p.confidentialBasis ? (
                    <Text size="sm" span style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
                      <IconLock size={14} aria-hidden />
                      {t("compensation.parts.confidential", { basis: p.confidentialBasis })}
                    </Text>
                  ) : (
                    t("compensation.parts.notConfidential")
                  )}
                </Table.Td>
                <Table.Td className="nowrap">
                  {p.predecessor ? <code>{p.predecessor}</code> : t("compensation.none")}
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm">{p.source ?? t("compensation.parts.noSource")}</Text>
                  {p.unverified && (
                    <Badge
                      color="orange"
                      variant="light"
                      tt="none"
                      mt={4}
                      styles={{ label: { color: TEXT_COLOR.orange } }}
                    >
                      {t("compensation.parts.unverified")}
                    </Badge>
                  )}
                </Table.Td>
                {mayWrite && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      aria-label={t("compensation.parts.editFor", { name })}
                      onClick={() => onEdit(p)}
                    >
                      {t("compensation.parts.edit")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
