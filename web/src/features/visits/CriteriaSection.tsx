import { Alert, Button, Checkbox, Fieldset, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { VisitView } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { criteriaLibraryQuery } from "../documents/county/api";
import { getCriteriaProposal, setVisitCriteria, visitKeys } from "./api";

/**
 * Kriterier (R2.7-6, R2.7-4): the criteria of the visit's library version grouped by area. Not all, but every area
 * touched: the areas without a selected criterion show as a warning until each has one.
 */
export function CriteriaSection({ visit, mayWrite }: { visit: VisitView; mayWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const library = useQuery(criteriaLibraryQuery(visit.libraryVersion?.id));
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(visit.criteria ?? []));
  const [dirty, setDirty] = useState(false);
  const [proposedNote, setProposedNote] = useState(false);
  const choose = (next: Set<string>) => {
    setSelected(next);
    setDirty(true);
  };
  const propose = useMutation({
    mutationFn: () => getCriteriaProposal(visit.id),
    onSuccess: (p) => {
      choose(new Set(p.criteria));
      setProposedNote(true);
    },
  });
  const save = useMutation({
    mutationFn: () => setVisitCriteria(visit.id, { version: visit.version, criteria: [...selected] }),
    onSuccess: (next) => {
      queryClient.setQueryData(visitKeys.visit(next.id), next);
      setDirty(false);
      setProposedNote(false);
      notifySaved(t("visits.visit.criteria.saved"));
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="visit-criteria-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="visit-criteria-heading">
          {t("visits.visit.criteria.title")}
        </Title>
        <QueryView query={library}>
          {(lib) => {
            if (!lib.version) return <Text>{t("visits.visit.criteria.none")}</Text>;
            const untouched = lib.areas.filter((a) => !a.criteria.some((c) => selected.has(c.code)));
            return (
              <Stack gap="sm">
                <Text size="sm">
                  {t("visits.visit.criteria.library", { version: lib.version.version })}
                  {!visit.libraryVersion && ` ${t("visits.visit.criteria.libraryActive")}`}
                </Text>
                {untouched.length > 0 ? (
                  <Alert
                    variant="light"
                    color="orange"
                    icon={<IconAlertTriangle aria-hidden />}
                    title={`${t("visits.visit.warning")}: ${t("visits.visit.criteria.untouched")}`}
                    styles={{
                      message: { color: "var(--mantine-color-text)" },
                      title: { color: "var(--mantine-color-text)" },
                    }}
                    data-testid="untouched-areas"
                  >
                    {t("visits.visit.criteria.untouchedText", {
                      areas: untouched.map((a) => `${a.code} – ${a.title}`).join(", "),
                    })}
                  </Alert>
                ) : (
                  <Group gap={6}>
                    <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-8)" />
                    <Text>{t("visits.visit.criteria.allTouched")}</Text>
                  </Group>
                )}
                {mayWrite && (
                  <Group gap="sm">
                    <Button variant="default" loading={propose.isPending} onClick={() => propose.mutate()}>
                      {t("visits.visit.criteria.propose")}
                    </Button>
                    {proposedNote && (
                      <Text size="sm" role="status">
                        {t("visits.visit.criteria.proposed")}
                      </Text>
                    )}
                  </Group>
                )}
                {propose.isError && <ErrorState error={propose.error} />}
                {lib.areas.map((area) => {
                  const count = area.criteria.filter((c) => selected.has(c.code)).length;
                  return (
                    <Fieldset
                      key={area.code}
                      legend={`${area.code} – ${area.title} (${t(`visits.agreementArea.${area.agreementArea}`)}) – ${t("visits.visit.criteria.selected", { count })}`}
                      styles={{ legend: { fontWeight: 600 } }}
                    >
                      <Stack gap={6}>
                        {area.criteria.map((c) => (
                          <Checkbox
                            key={c.code}
                            disabled={!mayWrite}
                            checked={selected.has(c.code)}
                            onChange={(e) => {
                              const next = new Set(selected);
                              if (e.currentTarget.checked) next.add(c.code);
                              else next.delete(c.code);
                              choose(next);
                            }}
                            label={`${c.code} (${t(`visits.visit.criteria.${c.tier}`)}): ${c.text}`}
                          />
                        ))}
                      </Stack>
                    </Fieldset>
                  );
                })}
                {save.isError && <ErrorState error={save.error} title={t("common.errorNotificationTitle")} />}
                {mayWrite && (
                  <Group justify="flex-end" gap="sm">
                    {dirty && (
                      <Text size="sm" fw={600}>
                        {t("visits.visit.criteria.unsaved")}
                      </Text>
                    )}
                    <Button loading={save.isPending} onClick={() => save.mutate()}>
                      {t("visits.visit.criteria.save")}
                    </Button>
                  </Group>
                )}
              </Stack>
            );
          }}
        </QueryView>
      </Stack>
    </Paper>
  );
}
