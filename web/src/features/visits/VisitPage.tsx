import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { PARTICIPANT_ROLES, VisitUpdate, type ParticipantRole, type VisitView } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateField";
import { ProtocolSection } from "../protocols/ProtocolSection";
import { PlanningSection } from "./PlanningSection";
import { PreparationLinks } from "./PreparationLinks";
import { ErrorState } from "../../components/ErrorState";
import { errorHeading } from "../../components/errorHeading";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { notifyError, notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { AssessmentSection } from "./AssessmentSection";
import { CriteriaSection } from "./CriteriaSection";
import { updateVisit, visitKeys, visitQuery } from "./api";

const route = getRouteApi("/signed-in/besok/$id");

/** One formal follow-up visit (R2.7-2, R2.7-4 … R2.7-6, R2.8-1): preparation, the visit, notes, criteria, assessment. */
export function VisitPage() {
  const { id } = route.useParams();
  return (
    <RequireAccess action="visits.read">
      <Visit id={id} />
    </RequireAccess>
  );
}

function Visit({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const visit = useQuery(visitQuery(id));
  if (visit.isPending) return <LoadingState />;
  if (visit.isError)
    return (
      <Page title={errorHeading(t, visit.error)}>
        <ErrorState error={visit.error} onRetry={() => void visit.refetch()} />
      </Page>
    );
  const v = visit.data;
  const mayWrite = can(me, "visits.write") && me.county === v.county;
  return (
    <Page title={t("visits.visit.title", { municipality: v.municipality.name })}>
      <AnchorLink
        to="/kommun/$code"
        params={{ code: v.municipality.code }}
        search={{ flik: "besok", period: v.period }}
      >
        {t("visits.visit.back")}
      </AnchorLink>
      <Header visit={v} />
      {!mayWrite && (
        <Alert
          variant="light"
          color="gray"
          icon={<IconInfoCircle aria-hidden />}
          styles={{ message: { color: "var(--mantine-color-text)" } }}
        >
          {t("visits.visit.readOnly")}
        </Alert>
      )}
      {mayWrite && v.status === "planned" && <PlanningSection key={`p-${v.id}-${v.version}`} visit={v} />}
      <Warnings visit={v} />
      {/* The key remounts the form on another visit, not on this one's saves. */}
      <VisitForm key={v.id} visit={v} mayWrite={mayWrite} />
      {v.criteria !== null && <CriteriaSection key={`c-${v.id}`} visit={v} mayWrite={mayWrite} />}
      {v.assessment !== null && <AssessmentSection key={`a-${v.id}`} visit={v} mayWrite={mayWrite} />}
      {can(me, "protocols.read") && <ProtocolSection key={`pr-${v.id}`} visit={v} />}
    </Page>
  );
}

function Header({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t("visits.visit.planned"), visit.planned],
    [t("visits.visit.kind"), t(`visits.kind.${visit.kind}`)],
    [t("visits.visit.status"), t(`visits.status.${visit.status}`)],
    [t("visits.visit.held"), visit.heldOn ?? t("visits.visit.notHeld")],
  ];
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" component="dl" style={{ margin: 0 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dark.5" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} data-testid={`visit-${label}`}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {visit.reason && (
        <Text size="sm" mt="sm">
          <Text span fw={600}>
            {t("visits.visit.reason")}:
          </Text>{" "}
          {visit.reason}
        </Text>
      )}
    </Paper>
  );
}

/** Each warning with its rule in words; a warning (ska) and an advice (bör) told apart in words and by symbol. */
function Warnings({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="visit-warnings-heading">
      <Title order={2} size="h3" id="visit-warnings-heading">
        {t("visits.visit.warnings")}
      </Title>
      {visit.warnings.length === 0 ? (
        <Text>{t("visits.visit.noWarnings")}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t("visits.visit.warnings")}
          style={{ listStyle: "none", margin: 0, padding: 0 }}
        >
          {visit.warnings.map((w) => (
            <li key={w.code}>
              <Alert
                variant="light"
                color={w.severity === "warning" ? "orange" : "blue"}
                icon={w.severity === "warning" ? <IconAlertTriangle aria-hidden /> : <IconInfoCircle aria-hidden />}
                title={`${t(w.severity === "warning" ? "visits.visit.warning" : "visits.visit.advice")}: ${t(`visits.visit.warningCode.${w.code}`)}`}
                styles={{
                  message: { color: "var(--mantine-color-text)" },
                  title: { color: "var(--mantine-color-text)" },
                }}
              >
                {w.rule}
              </Alert>
            </li>
          ))}
          <Text size="sm" component="li">
            {t("visits.visit.overInvited")}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

const NOTE_KEYS = [
  "worksWell",
  "deficiencies",
  "goalFulfilment",
  "planning",
  "resources",
  "supportNeeds",
  "ownFunding",
] as const;
type NoteKey = (typeof NOTE_KEYS)[number];

const valuesOf = (v: VisitView) => ({
  heldOn: v.heldOn ?? "",
  place: v.place,
  participants: v.participants.map((p) => ({ ...p })),
  preparation: {
    documentsReviewed: v.preparation.documentsReviewed,
    preMeetingOn: v.preparation.preMeetingOn ?? "",
    preMeetingNotes: v.preparation.preMeetingNotes,
    premisesSuitableForClassified: v.preparation.premisesSuitableForClassified,
    lsoCoordinated: v.preparation.lsoCoordinated,
    lsoReference: v.preparation.lsoReference,
  },
  notes: Object.fromEntries(NOTE_KEYS.map((k) => [k, v.notes?.[k] ?? ""])) as Record<NoteKey, string>,
});

/** Förberedelser, Besöket and Anteckningar: one form, saved with the version it loaded. */
function VisitForm({ visit, mayWrite }: { visit: VisitView; mayWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof updateVisit>[1]) => updateVisit(visit.id, input),
    onSuccess: (next) => {
      queryClient.setQueryData(visitKeys.visit(next.id), next);
      void queryClient.invalidateQueries({ queryKey: ["visits", "plan"] });
      void queryClient.invalidateQueries({ queryKey: ["visits", "municipality"] });
      notifySaved(t("visits.visit.saved"));
    },
    // A refusal that names no field (a stale version, 409) is also told where the officer pressed Spara.
    onError: (error) => {
      if (!contract.onServerError(error)) notifyError(error.message);
    },
  });
  const contract = useContractForm({
    schema: VisitUpdate,
    initialValues: valuesOf(visit),
    toInput: (v) => ({
      version: visit.version,
      heldOn: v.heldOn.trim() || null,
      place: v.place,
      participants: v.participants,
      preparation: { ...v.preparation, preMeetingOn: v.preparation.preMeetingOn.trim() || null },
      ...(visit.notes !== null ? { notes: v.notes } : {}),
    }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const { form, field } = contract;
  const held = form.values.heldOn.trim() !== "" || visit.heldOn !== null;
  const ro = !mayWrite;
  const saveButton = mayWrite && (
    <Group justify="flex-end">
      <Button type="submit" loading={mutation.isPending}>
        {t("visits.visit.save")}
      </Button>
    </Group>
  );
  const check = (path: string, label: string, description?: string) => {
    const props = field(path, { type: "checkbox" });
    return <Checkbox label={label} description={description} disabled={ro} {...props} />;
  };

  return (
    <form {...contract.formProps}>
      <Stack gap="lg">
        <FormMessages form={contract} />
        <Paper withBorder p="md" component="section" aria-labelledby="visit-prep-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="visit-prep-heading">
              {t("visits.visit.preparation.title")}
            </Title>
            <PreparationLinks visit={visit} />
            {check("preparation.documentsReviewed", t("visits.visit.preparation.documentsReviewed"))}
            <DateField
              label={t("visits.visit.preparation.preMeetingOn")}
              w={360}
              readOnly={ro}
              {...field("preparation.preMeetingOn")}
            />
            <Textarea
              label={t("visits.visit.preparation.preMeetingNotes")}
              autosize
              minRows={2}
              readOnly={ro}
              {...field("preparation.preMeetingNotes")}
            />
            {check(
              "preparation.premisesSuitableForClassified",
              t("visits.visit.preparation.premises"),
              t("visits.visit.preparation.premisesHelp"),
            )}
            {check("preparation.lsoCoordinated", t("visits.visit.preparation.lsoCoordinated"))}
            {form.values.preparation.lsoCoordinated && (
              <TextInput
                label={t("visits.visit.preparation.lsoReference")}
                w={320}
                readOnly={ro}
                {...field("preparation.lsoReference")}
              />
            )}
            {saveButton}
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="visit-meeting-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="visit-meeting-heading">
              {t("visits.visit.meeting.title")}
            </Title>
            <Group align="flex-start" gap="md">
              <DateField
                label={t("visits.visit.meeting.heldOn")}
                description={t("visits.visit.meeting.heldOnHelp")}
                w={300}
                readOnly={ro}
                {...field("heldOn")}
              />
              <TextInput label={t("visits.visit.meeting.place")} w={360} readOnly={ro} {...field("place")} />
            </Group>
            <Title order={3} size="h4">
              {t("visits.visit.meeting.participants")}
            </Title>
            {form.values.participants.length === 0 ? (
              <Text>{t("visits.visit.meeting.none")}</Text>
            ) : (
              <TableScroll label={t("visits.visit.meeting.participantsCaption")} minWidth={640}>
                <Table withTableBorder>
                  <Table.Caption className="visually-hidden-text">
                    {t("visits.visit.meeting.participantsCaption")}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("visits.visit.meeting.name")}</Table.Th>
                      <Table.Th scope="col">{t("visits.visit.meeting.role")}</Table.Th>
                      {held && <Table.Th scope="col">{t("visits.visit.meeting.attended")}</Table.Th>}
                      {mayWrite && (
                        <Table.Th scope="col">
                          <span className="visually-hidden-text">{t("visits.visit.meeting.remove")}</span>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {form.values.participants.map((_, i) => (
                      <Table.Tr key={form.key(`participants.${i}`)}>
                        <Table.Td>
                          <TextInput
                            aria-label={t("visits.visit.meeting.nameOf", { n: i + 1 })}
                            readOnly={ro}
                            {...field(`participants.${i}.name`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            aria-label={t("visits.visit.meeting.roleOf", { n: i + 1 })}
                            disabled={ro}
                            data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`visits.role.${r}`) }))}
                            {...field(`participants.${i}.role`)}
                          />
                        </Table.Td>
                        {held && (
                          <Table.Td>
                            <Checkbox
                              aria-label={t("visits.visit.meeting.attendedOf", { n: i + 1 })}
                              disabled={ro}
                              {...field(`participants.${i}.attended`, { type: "checkbox" })}
                            />
                          </Table.Td>
                        )}
                        {mayWrite && (
                          <Table.Td>
                            <Button
                              variant="default"
                              size="xs"
                              leftSection={<IconTrash size={16} aria-hidden />}
                              aria-label={t("visits.visit.meeting.removeOf", { n: i + 1 })}
                              onClick={() => form.removeListItem("participants", i)}
                            >
                              {t("visits.visit.meeting.remove")}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
            {mayWrite && (
              <Group justify="space-between">
                <Button
                  variant="default"
                  leftSection={<IconPlus size={18} aria-hidden />}
                  onClick={() =>
                    form.insertListItem("participants", {
                      name: "",
                      role: "coordinator" as ParticipantRole,
                      attended: true,
                    })
                  }
                >
                  {t("visits.visit.meeting.add")}
                </Button>
                <Button type="submit" loading={mutation.isPending}>
                  {t("visits.visit.save")}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="visit-notes-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="visit-notes-heading">
              {t("visits.visit.notes.title")}
            </Title>
            {visit.notes === null ? (
              <Text>{t("visits.visit.notes.hidden")}</Text>
            ) : (
              <>
                {(["worksWell", "deficiencies"] as const).map((k) => (
                  <Textarea
                    key={k}
                    label={t(`visits.visit.notes.${k}`)}
                    autosize
                    minRows={3}
                    readOnly={ro}
                    {...field(`notes.${k}`)}
                  />
                ))}
                <Fieldset legend={t("visits.visit.notes.strategic")} styles={{ legend: { fontWeight: 600 } }}>
                  <Stack gap="sm">
                    {(["goalFulfilment", "planning", "resources", "supportNeeds", "ownFunding"] as const).map((k) => (
                      <Textarea
                        key={k}
                        label={t(`visits.visit.notes.${k}`)}
                        autosize
                        minRows={2}
                        readOnly={ro}
                        {...field(`notes.${k}`)}
                      />
                    ))}
                  </Stack>
                </Fieldset>
                {saveButton}
              </>
            )}
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
