import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { yearOf, type CompensationPart } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import {
  ReferenceEditModal,
  ReferenceNewButton,
  ReferenceTable,
  type ReferenceEditing,
} from "../../components/ReferenceTable";
import { RequireAccess } from "../../components/RequireAccess";
import { notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { compensationPartsQuery } from "./api";
import { ImportSection } from "./ImportSection";
import { PartForm } from "./PartForm";
import { TEXT_COLOR } from "../documents/colors";

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
  const [editing, setEditing] = useState<ReferenceEditing<CompensationPart>>(null);
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
            <ReferenceNewButton onClick={() => setEditing({ mode: "new" })}>
              {t("compensation.parts.add")}
            </ReferenceNewButton>
          )}
        </div>
        <Text size="sm" maw={820}>
          {t("compensation.parts.intro")}
        </Text>
        <QueryView query={parts}>
          {() => (
            <PartsTable parts={items} mayWrite={mayWrite} onEdit={(part) => setEditing({ mode: "edit", item: part })} />
          )}
        </QueryView>
      </Stack>
      {mayWrite && <ImportSection parts={items} />}
      {mayWrite && (
        <ReferenceEditModal
          editing={editing}
          onClose={() => setEditing(null)}
          titles={{ new: t("compensation.parts.addTitle"), edit: t("compensation.parts.editTitle") }}
          itemKey={(part) => part.code}
          form={(part) => (
            <PartForm
              part={part}
              parts={items}
              defaultYear={defaultYear}
              onCancel={() => setEditing(null)}
              onDone={(saved) => {
                notifySaved(t(part ? "compensation.parts.edited" : "compensation.parts.added", { code: saved.code }));
                setEditing(null);
              }}
            />
          )}
        />
      )}
    </Page>
  );
}

/** The parts as a table (or its empty state), with an edit action per row for the agency. */
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
    <ReferenceTable
      items={parts}
      empty={t("compensation.parts.empty")}
      caption={t("compensation.parts.caption")}
      minWidth={1100}
      tableProps={{ verticalSpacing: "sm", "data-testid": "compensation-parts" }}
      headers={[
        t("compensation.parts.colCode"),
        t("compensation.parts.colName"),
        t("compensation.parts.colAgreement"),
        t("compensation.parts.colYears"),
        t("compensation.parts.colCounts"),
        t("compensation.parts.colConfidential"),
        t("compensation.parts.colPredecessor"),
        t("compensation.parts.colSource"),
      ]}
      rowKey={(p) => p.code}
      cells={(p) => (
        <>
          <Table.Td className="nowrap">
            <code>{p.code}</code>
          </Table.Td>
          <Table.Td fw={500} maw={260}>
            {en ? p.nameEn : p.name}
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
              <Badge color="orange" variant="light" tt="none" mt={4} styles={{ label: { color: TEXT_COLOR.orange } }}>
                {t("compensation.parts.unverified")}
              </Badge>
            )}
          </Table.Td>
        </>
      )}
      edit={
        mayWrite
          ? {
              header: t("compensation.parts.colActions"),
              text: t("compensation.parts.edit"),
              label: (p) => t("compensation.parts.editFor", { name: en ? p.nameEn : p.name }),
              onEdit,
            }
          : undefined
      }
    />
  );
}
