import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { stockholmDate, type CountyDialogue } from "@uppsikt/core";
import { useState, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { CountyFrame } from "../../components/CountyFrame";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { notifyError, notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { TEXT_COLOR } from "../documents/colors";
import { countyDialoguesQuery, invalidateCountyDialogues, markFollowUpDone } from "./api";
import { followUpOrder, isOverdue, newestFirst } from "./model";
import { NewDialogueForm } from "./NewDialogueForm";

const route = getRouteApi("/signed-in/lan/$code/dialoger-mcf");

/** Dialog med MCF (R1-7): the agency's follow-up dialogues with a county; the county's users read their own. */
export function CountyDialoguesPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="countyDialogues.read">
      <CountyFrame
        code={code}
        title={t("countyDialogues.title")}
        intro={(c) => t("countyDialogues.intro", { county: c.name })}
      >
        {() => <DialoguesView code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function DialoguesView({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const dialogues = useQuery(countyDialoguesQuery(code));
  const [writing, setWriting] = useState(false);
  const writer = can(me, "countyDialogues.write");
  return (
    <Stack gap="lg">
      {writer &&
        (writing ? (
          <Paper withBorder p="md" component="section" aria-labelledby="new-county-dialogue-heading">
            <Stack gap="md">
              <Title order={2} size="h3" id="new-county-dialogue-heading">
                {t("countyDialogues.newDialogue")}
              </Title>
              <NewDialogueForm county={code} onDone={() => setWriting(false)} onCancel={() => setWriting(false)} />
            </Stack>
          </Paper>
        ) : (
          <div>
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setWriting(true)}>
              {t("countyDialogues.newDialogue")}
            </Button>
          </div>
        ))}
      <Stack gap="sm" component="section" aria-labelledby="county-dialogues-heading">
        <Title order={2} size="h3" id="county-dialogues-heading">
          {t("countyDialogues.listTitle")}
        </Title>
        <QueryView query={dialogues}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>{t("countyDialogues.empty")}</EmptyState>
            ) : (
              <Stack gap="md" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {newestFirst(data.items).map((d) => (
                  <li key={d.id}>
                    <DialogueCard dialogue={d} writer={writer} />
                  </li>
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Stack>
    </Stack>
  );
}

function DialogueCard({ dialogue, writer }: { dialogue: CountyDialogue; writer: boolean }) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const today = config.today || stockholmDate(new Date());
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: markFollowUpDone,
    onSuccess: () => {
      notifySaved(t("countyDialogues.markedDone"));
      invalidateCountyDialogues(queryClient);
    },
    onError: (error) => notifyError(error instanceof Error ? error.message : String(error)),
  });
  const headingId = `county-dialogue-${dialogue.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="county-dialogue">
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          {dialogue.heldOn} · {t(`countyDialogues.forms.${dialogue.form}`)}
        </Title>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t("countyDialogues.participantsLabel")}
          </Text>{" "}
          {dialogue.participants.join(", ")}
        </Text>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t("countyDialogues.subjectsLabel")}
          </Text>{" "}
          {dialogue.subjects.join(", ")}
        </Text>
        <div>
          <Text span fw={600} size="sm">
            {t("countyDialogues.conclusionsLabel")}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {dialogue.conclusions || t("countyDialogues.noConclusions")}
          </Text>
        </div>
        <Title order={4} size="h6">
          {t("countyDialogues.followUpsLabel")}
        </Title>
        {dialogue.followUps.length === 0 ? (
          <Text size="sm">{t("countyDialogues.noFollowUps")}</Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {followUpOrder(dialogue.followUps).map((f) => (
              <Group key={f.id} component="li" gap="sm" wrap="wrap" data-testid="county-dialogue-follow-up">
                <Text size="sm" style={{ flex: "1 1 280px" }}>
                  {f.text}
                  <Text size="xs" display="block" span>
                    {f.doneAt
                      ? t("countyDialogues.doneOn", {
                          date: stockholmDate(new Date(f.doneAt)),
                          by: f.doneBy?.name ?? "–",
                        })
                      : t("countyDialogues.due", { date: f.dueOn })}
                    {f.owner && ` · ${t("countyDialogues.owner", { name: f.owner.name })}`}
                  </Text>
                </Text>
                {isOverdue(f, today) && (
                  <Badge
                    color="orange"
                    variant="light"
                    tt="none"
                    radius="sm"
                    style={{ "--badge-color": TEXT_COLOR.orange } as CSSProperties}
                  >
                    {t("countyDialogues.overdue")}
                  </Badge>
                )}
                {f.doneAt ? (
                  <Badge
                    color="green"
                    variant="light"
                    tt="none"
                    radius="sm"
                    leftSection={<IconCheck size={14} aria-hidden />}
                    style={{ "--badge-color": TEXT_COLOR.green } as CSSProperties}
                  >
                    {t("countyDialogues.done")}
                  </Badge>
                ) : (
                  writer && (
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconCheck size={14} aria-hidden />}
                      aria-label={t("countyDialogues.markDoneLabel", { text: f.text })}
                      loading={done.isPending && done.variables === f.id}
                      onClick={() => done.mutate(f.id)}
                    >
                      {t("countyDialogues.markDone")}
                    </Button>
                  )
                )}
              </Group>
            ))}
          </Stack>
        )}
        {dialogue.createdBy && (
          <Text size="xs" c="dimmed">
            {t("countyDialogues.writtenBy", { name: dialogue.createdBy.name })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
