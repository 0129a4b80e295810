import { Group, NativeSelect, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconClock } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { compareSwedish, groupWatchItems, type WatchItemView, watchKindLabel, watchTitle } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { watchQuery } from "../dialogue/api";
import { EmptyState } from "../../components/EmptyState";
import { PathLink } from "../../components/links";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { TableScroll } from "../../components/TableScroll";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { DialogueBadge } from "../dialogue/DialogueBadge";
import { HandOverButton } from "./HandOverDialog";
import { placeOf } from "./model";
import { WaiverButton } from "./WaiverDialog";
import { CalendarSettings, ReminderSettings } from "./WatchSettings";

/** The item's title and kind in the interface's language (the server's are Swedish). */
function inLanguage(item: WatchItemView, language: string): WatchItemView {
  if (language !== "en") return item;
  return {
    ...item,
    title: watchTitle(item.kind, item.subject, "en") ?? item.title,
    kindLabel: watchKindLabel(item.kind, "en"),
  };
}

/** The distinct values of the items for a filter, in Swedish order of their labels, with how many items each has. */
function options(items: WatchItemView[], pick: (item: WatchItemView) => [string, string] | null) {
  const found = new Map<string, { label: string; count: number }>();
  for (const item of items) {
    const picked = pick(item);
    if (!picked) continue;
    const [value, label] = picked;
    const entry = found.get(value) ?? { label, count: 0 };
    entry.count++;
    found.set(value, entry);
  }
  return [...found.entries()]
    .sort((a, b) => compareSwedish(a[1].label, b[1].label))
    .map(([value, { label, count }]) => ({ value, label: `${label} (${count})` }));
}

/**
 * "Min bevakning" (R1-3): the watched dates a user is responsible for; a county head can see the whole county. The
 * agency's list (R1-7) has county items: the place column then names the county.
 */
export function WatchPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayCounty = can(me, "watch.readCounty");
  const national = me.role === "agency";
  // A coordinator is not the responsible officer: the column says whom the county awaits (issue 10.10).
  const coordinator = me.role === "municipality";
  const mayWaive = can(me, "feedback.write");
  const handOverCounty = can(me, "watch.handOver") ? me.county : null;
  const [scope, setScope] = useState<"mine" | "county">("mine");
  const watch = useQuery({ ...watchQuery(scope), placeholderData: keepPreviousData });
  const [kind, setKind] = useState("");
  const [municipality, setMunicipality] = useState("");
  const [responsible, setResponsible] = useState("");
  return (
    <Page
      title={t("watch.title")}
      intro={t("watch.intro")}
      actions={handOverCounty ? <HandOverButton county={handOverCounty} /> : undefined}
    >
      {mayCounty && (
        <NativeSelect
          label={t("watch.scope")}
          w={260}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value === "county" ? "county" : "mine")}
          data={[
            { value: "mine", label: t("watch.scopeMine") },
            { value: "county", label: t("watch.scopeCounty") },
          ]}
        />
      )}
      <QueryView query={watch}>
        {(data) => {
          const all = data.items.map((i) => inLanguage(i, i18n.language));
          const shown = all.filter(
            (i) =>
              (!kind || i.kind === kind) &&
              (!municipality || placeOf(i)?.code === municipality) &&
              (!responsible || (i.responsible.id ?? "") === responsible),
          );
          const overdue = shown.filter((i) => i.overdue).length;
          return all.length === 0 ? (
            <EmptyState>{t("watch.empty")}</EmptyState>
          ) : (
            <>
              <Group gap="md" align="flex-end" wrap="wrap">
                <NativeSelect
                  label={t("watch.filterKind")}
                  w={{ base: "100%", sm: 300 }}
                  value={kind}
                  onChange={(e) => setKind(e.currentTarget.value)}
                  data={[{ value: "", label: t("watch.all") }, ...options(all, (i) => [i.kind, i.kindLabel])]}
                />
                <NativeSelect
                  label={national ? t("watch.filterPlace") : t("watch.filterMunicipality")}
                  w={{ base: "100%", sm: 240 }}
                  value={municipality}
                  onChange={(e) => setMunicipality(e.currentTarget.value)}
                  data={[
                    { value: "", label: t("watch.all") },
                    ...options(all, (i) => {
                      const place = placeOf(i);
                      return place ? [place.code, place.name] : null;
                    }),
                  ]}
                />
                {scope === "county" && (
                  <NativeSelect
                    label={t("watch.filterResponsible")}
                    w={{ base: "100%", sm: 240 }}
                    value={responsible}
                    onChange={(e) => setResponsible(e.currentTarget.value)}
                    data={[
                      { value: "", label: t("watch.all") },
                      ...options(all, (i) => [i.responsible.id ?? "", i.responsible.name ?? t("watch.noOne")]),
                    ]}
                  />
                )}
              </Group>
              <Text fw={600} role="status">
                {t("watch.summary", { count: shown.length, overdue })}
              </Text>
              {shown.length === 0 ? (
                <EmptyState>{t("watch.noneFiltered")}</EmptyState>
              ) : (
                <TableScroll label={t("watch.caption")} minWidth={720}>
                  <Table striped withTableBorder aria-busy={watch.isFetching}>
                    <Table.Caption className="visually-hidden-text">{t("watch.caption")}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("watch.colDate")}</Table.Th>
                        <Table.Th scope="col">{t("watch.colWhat")}</Table.Th>
                        <Table.Th scope="col">{national ? t("watch.colPlace") : t("watch.colMunicipality")}</Table.Th>
                        <Table.Th scope="col">
                          {coordinator ? t("watch.colAwaited") : t("watch.colResponsible")}
                        </Table.Th>
                        <Table.Th scope="col">{t("watch.colStatus")}</Table.Th>
                        <Table.Th scope="col">{t("watch.colLink")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    {groupWatchItems(shown, (k) => watchKindLabel(k, i18n.language === "en" ? "en" : "sv")).map(
                      (group) => (
                        <Table.Tbody key={group.kind}>
                          <Table.Tr>
                            <Table.Th scope="rowgroup" colSpan={6}>
                              {t("watch.group", { label: group.items[0]!.kindLabel, count: group.count })}
                            </Table.Th>
                          </Table.Tr>
                          {group.items.map((item) => (
                            <Table.Tr key={item.key}>
                              <Table.Td className="nowrap">
                                <time dateTime={item.due}>{item.due}</time>
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm" fw={600}>
                                  {item.title}
                                </Text>
                                <Text size="sm">{item.kindLabel}</Text>
                              </Table.Td>
                              <Table.Td>{placeOf(item)?.name ?? "–"}</Table.Td>
                              <Table.Td>
                                {coordinator ? t("watch.awaitedOurs") : (item.responsible.name ?? t("watch.noOne"))}
                              </Table.Td>
                              <Table.Td className="nowrap">
                                {item.overdue ? (
                                  <DialogueBadge color="red" icon={IconAlertTriangle}>
                                    {t("watch.overdue")}
                                  </DialogueBadge>
                                ) : (
                                  <DialogueBadge color="blue" icon={IconClock}>
                                    {item.daysLeft === 0
                                      ? t("watch.today")
                                      : t("watch.daysLeft", { count: item.daysLeft })}
                                  </DialogueBadge>
                                )}
                              </Table.Td>
                              <Table.Td>
                                <Group gap="xs" wrap="nowrap">
                                  <PathLink href={item.link} aria-label={t("watch.openLabel", { title: item.title })}>
                                    {t("watch.open")}
                                  </PathLink>
                                  {mayWaive && item.kind === "feedbackOwed" && item.feedbackVersionId && (
                                    <WaiverButton item={{ ...item, feedbackVersionId: item.feedbackVersionId }} />
                                  )}
                                </Group>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      ),
                    )}
                  </Table>
                </TableScroll>
              )}
            </>
          );
        }}
      </QueryView>
      {can(me, "reminderPreferences.manage") && <ReminderSettings />}
      {can(me, "calendarFeed.manage") && <CalendarSettings />}
    </Page>
  );
}
