import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { IconCircleCheck, IconFilePencil, IconSend } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ProtocolCommentBody,
  ProtocolCorrectionBody,
  ProtocolFactualReviewBody,
  ProtocolSendBody,
  type ProtocolView,
  type VisitView,
} from "@uppsikt/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AppModal } from "../../components/AppModal";
import { DateField } from "../../components/DateField";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { TableScroll } from "../../components/TableScroll";
import { notifyError, notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { formatDate } from "../../lib/formatDate";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { DownloadLink } from "../documents/DownloadLink";
import { visitKeys } from "../visits/api";
import { isNotFound } from "../visits/labels";
import {
  approveProtocol,
  commentProtocol,
  correctProtocol,
  protocolFileUrl,
  protocolKeys,
  protocolQuery,
  sendProtocol,
  startFactualReview,
} from "./api";
import { ProtocolForm } from "./ProtocolForm";
import { TemplateButton } from "./TemplateEditor";

/**
 * Protokoll (R2.7-7, R2.10-1) on the visit page: the county writes it, sends the draft for factual review, a county
 * head approves it and an officer sends it; the municipality comments on the draft out for review and reads the
 * sent versions. The files, with the secret appendix apart.
 */
export function ProtocolSection({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  const protocol = useQuery(protocolQuery(visit.id));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="visit-protocol-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="visit-protocol-heading">
          {t("protocols.title")}
        </Title>
        {protocol.isPending ? (
          <LoadingState />
        ) : protocol.isError ? (
          isNotFound(protocol.error) ? (
            <Text>{t("protocols.notYet")}</Text>
          ) : (
            <ErrorState error={protocol.error} onRetry={() => void protocol.refetch()} />
          )
        ) : (
          <Protocol visit={visit} protocol={protocol.data} />
        )}
      </Stack>
    </Paper>
  );
}

function Protocol({ visit, protocol }: { visit: VisitView; protocol: ProtocolView }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = me.county === visit.county;
  const mayWrite = can(me, "protocols.write") && mine;
  const held = visit.heldOn !== null;
  const editable = mayWrite && protocol.state !== "sent";
  return (
    <>
      <StateLine protocol={protocol} />
      {protocol.showing === "sent" && protocol.sent[0] && (
        <Text size="sm">{t("protocols.showingSent", { version: protocol.sent[0].versionNo })}</Text>
      )}
      {protocol.showing === "draft" && me.role === "municipality" && protocol.factualReview && (
        <Text size="sm">{t("protocols.showingReview", { date: protocol.factualReview.replyBy })}</Text>
      )}
      {protocol.corrects && protocol.state !== "sent" && (
        <Text size="sm">
          {t("protocols.correcting", { version: protocol.versionNo - 1, reason: protocol.corrects })}
        </Text>
      )}
      {mayWrite && !held && <Text>{t("protocols.notHeld")}</Text>}
      {editable && held ? (
        <ProtocolForm key={`${protocol.version}`} visit={visit} protocol={protocol} />
      ) : (
        <ProtocolReading protocol={protocol} />
      )}
      <Downloads visit={visit} protocol={protocol} />
      {mayWrite && held && <Actions visit={visit} protocol={protocol} />}
      {mine && can(me, "protocols.editTemplate") && (
        <Group>
          <TemplateButton county={visit.county} />
        </Group>
      )}
      {me.role !== "agency" && <Comments visit={visit} protocol={protocol} />}
      {protocol.sent.length > 0 && <SentVersions visit={visit} protocol={protocol} />}
    </>
  );
}

function StateLine({ protocol }: { protocol: ProtocolView }) {
  const { t } = useTranslation();
  const text =
    protocol.state === "factualReview" && protocol.factualReview
      ? t("protocols.state.factualReview", { date: protocol.factualReview.replyBy })
      : protocol.state === "approved" && protocol.approved
        ? t("protocols.state.approved", { name: protocol.approved.by.name })
        : t(`protocols.state.${protocol.state}`);
  const Icon = protocol.state === "sent" ? IconSend : protocol.state === "approved" ? IconCircleCheck : IconFilePencil;
  return (
    <Group gap="sm" aria-live="polite">
      <Icon size={20} aria-hidden />
      <Text fw={600} data-testid="protocol-state">
        {text}
      </Text>
    </Group>
  );
}

/** The protocol as text, for those who read it (the municipality, the agency, the county once sent). */
function ProtocolReading({ protocol }: { protocol: ProtocolView }) {
  const { t } = useTranslation();
  const part = (p: ProtocolView["deficiencies"][number], i: number) => (
    <Text key={i}>
      {p.text ?? t("protocols.hidden", { basis: p.confidential?.basis ?? "" })}
      {p.text && p.confidential && (
        <Text span size="sm" fw={600}>
          {" "}
          ({t("protocols.confidentialMark", { basis: p.confidential.basis })})
        </Text>
      )}
    </Text>
  );
  const block = (title: string, children: ReactNode) => (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
  return (
    <Stack gap="sm">
      {block(t("protocols.worksWell"), <Text style={{ whiteSpace: "pre-wrap" }}>{protocol.worksWell || "–"}</Text>)}
      {block(
        t("protocols.deficiencies"),
        protocol.deficiencies.length ? protocol.deficiencies.map(part) : <Text>–</Text>,
      )}
      {block(
        t("protocols.measures"),
        protocol.measures.length ? (
          protocol.measures.map((m, i) => (
            <Text key={i}>
              {m.text ?? t("protocols.hidden", { basis: m.confidential?.basis ?? "" })} – {m.due}
              {m.followUp ? `. ${m.followUp}` : ""}
            </Text>
          ))
        ) : (
          <Text>–</Text>
        ),
      )}
      {block(t("protocols.actionPlanDue"), <Text>{protocol.actionPlanDue ?? "–"}</Text>)}
      {protocol.otherNotes.length > 0 && block(t("protocols.otherNotes"), protocol.otherNotes.map(part))}
    </Stack>
  );
}

function Downloads({ visit, protocol }: { visit: VisitView; protocol: ProtocolView }) {
  const { t } = useTranslation();
  const name = `protokoll-${visit.municipality.name}`;
  return (
    <Stack gap={4}>
      <Group gap="lg" wrap="wrap">
        <DownloadLink href={protocolFileUrl(visit.id, "protocol", "pdf")} fileName={`${name}.pdf`}>
          {t("protocols.pdf")}
        </DownloadLink>
        <DownloadLink href={protocolFileUrl(visit.id, "protocol", "docx")} fileName={`${name}.docx`}>
          {t("protocols.docx")}
        </DownloadLink>
        {protocol.hasSecretAppendix && (
          <>
            <DownloadLink
              href={protocolFileUrl(visit.id, "secret-appendix", "pdf")}
              fileName={`hemlig-bilaga-${name}.pdf`}
            >
              {t("protocols.appendixPdf")}
            </DownloadLink>
            <DownloadLink
              href={protocolFileUrl(visit.id, "secret-appendix", "docx")}
              fileName={`hemlig-bilaga-${name}.docx`}
            >
              {t("protocols.appendixDocx")}
            </DownloadLink>
          </>
        )}
      </Group>
      {protocol.hasSecretAppendix && <Text size="sm">{t("protocols.appendixNote")}</Text>}
    </Stack>
  );
}

type Dialog = "review" | "approve" | "send" | "correct" | null;

function Actions({ visit, protocol }: { visit: VisitView; protocol: ProtocolView }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Dialog>(null);
  const done = (next: ProtocolView, message: string) => {
    queryClient.setQueryData(protocolKeys.protocol(visit.id), next);
    void queryClient.invalidateQueries({ queryKey: visitKeys.visit(visit.id) });
    setOpen(null);
    notifySaved(message);
  };
  const approve = useMutation({
    mutationFn: () => approveProtocol(visit.id, { version: protocol.version }),
    onSuccess: (next) => done(next, t("protocols.approved")),
    onError: (e) => notifyError(e.message),
  });
  const state = protocol.state;
  return (
    <Group gap="sm" wrap="wrap">
      {(state === "draft" || state === "factualReview") && (
        <Button variant="default" onClick={() => setOpen("review")}>
          {t("protocols.factualReview")}
        </Button>
      )}
      {(state === "draft" || state === "factualReview") && can(me, "protocols.approve") && (
        <Button variant="default" onClick={() => setOpen("approve")}>
          {t("protocols.approve")}
        </Button>
      )}
      {state === "approved" && <Button onClick={() => setOpen("send")}>{t("protocols.send")}</Button>}
      {state === "sent" && (
        <Button variant="default" onClick={() => setOpen("correct")}>
          {t("protocols.correct")}
        </Button>
      )}

      <AppModal opened={open === "review"} onClose={() => setOpen(null)} title={t("protocols.factualReviewTitle")}>
        {open === "review" && (
          <ActionForm
            schema={ProtocolFactualReviewBody}
            text={t("protocols.factualReviewText")}
            initialValues={{ replyBy: "" }}
            toInput={(v) => (v.replyBy.trim() ? { replyBy: v.replyBy.trim() } : {})}
            submit={(input) => startFactualReview(visit.id, input)}
            onDone={(next) => done(next, t("protocols.factualReviewSent"))}
            onCancel={() => setOpen(null)}
            fields={(field) => (
              <DateField
                label={t("protocols.replyBy")}
                description={t("protocols.replyByHelp")}
                w={260}
                {...field("replyBy")}
              />
            )}
          />
        )}
      </AppModal>
      <AppModal opened={open === "approve"} onClose={() => setOpen(null)} title={t("protocols.approveTitle")}>
        <Stack gap="md">
          <Text>{t("protocols.approveText")}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(null)}>
              {t("protocols.cancel")}
            </Button>
            <Button loading={approve.isPending} onClick={() => approve.mutate()}>
              {t("protocols.approve")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
      <AppModal opened={open === "send"} onClose={() => setOpen(null)} title={t("protocols.sendTitle")}>
        {open === "send" && (
          <ActionForm
            schema={ProtocolSendBody}
            text={t("protocols.sendText")}
            initialValues={{ registrationNumber: protocol.sent[0]?.registrationNumber ?? "", sentOn: "" }}
            submit={(input) => sendProtocol(visit.id, input)}
            onDone={(next) => done(next, t("protocols.sentDone"))}
            onCancel={() => setOpen(null)}
            confirm={t("protocols.send")}
            fields={(field) => (
              <>
                <TextInput
                  label={t("protocols.registrationNumber")}
                  required
                  w={320}
                  {...field("registrationNumber")}
                />
                <DateField label={t("protocols.sentOn")} required w={260} {...field("sentOn")} />
              </>
            )}
          />
        )}
      </AppModal>
      <AppModal opened={open === "correct"} onClose={() => setOpen(null)} title={t("protocols.correctTitle")}>
        {open === "correct" && (
          <ActionForm
            schema={ProtocolCorrectionBody}
            text={t("protocols.correctText")}
            initialValues={{ reason: "" }}
            submit={(input) => correctProtocol(visit.id, input)}
            onDone={(next) => done(next, t("protocols.correctStarted"))}
            onCancel={() => setOpen(null)}
            fields={(field) => (
              <Textarea label={t("protocols.correctReason")} required autosize minRows={2} {...field("reason")} />
            )}
          />
        )}
      </AppModal>
    </Group>
  );
}

/** One dialog's form on a core contract: its text, its fields, a confirm button; the server's refusal in place. */
function ActionForm<V extends Record<string, string>, S extends z.ZodType>({
  schema,
  text,
  initialValues,
  toInput,
  submit,
  onDone,
  onCancel,
  fields,
  confirm,
}: {
  schema: S;
  text: string;
  initialValues: V;
  toInput?: (values: V) => unknown;
  submit: (input: z.output<S>) => Promise<ProtocolView>;
  onDone: (next: ProtocolView) => void;
  onCancel: () => void;
  fields: (field: ReturnType<typeof useContractForm<V, S>>["field"]) => ReactNode;
  confirm?: string;
}) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: onDone,
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema,
    initialValues,
    toInput,
    onSubmit: (input) => mutation.mutate(input),
  });
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text>{text}</Text>
        <FormMessages form={contract} />
        {fields(contract.field)}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("protocols.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {confirm ?? t("protocols.confirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Comments({ visit, protocol }: { visit: VisitView; protocol: ProtocolView }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const mayComment =
    can(me, "protocols.comment") && me.municipality === visit.municipality.code && protocol.state === "factualReview";
  const mutation = useMutation({
    mutationFn: (input: z.output<typeof ProtocolCommentBody>) => commentProtocol(visit.id, input),
    onSuccess: (next) => {
      queryClient.setQueryData(protocolKeys.protocol(visit.id), next);
      contract.form.reset();
      notifySaved(t("protocols.commentSent"));
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ProtocolCommentBody,
    initialValues: { text: "" },
    onSubmit: (input) => mutation.mutate(input),
  });
  if (protocol.comments.length === 0 && !mayComment && protocol.factualReview === null) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="protocol-comments-heading">
      <Title order={3} size="h4" id="protocol-comments-heading">
        {t("protocols.comments")}
      </Title>
      {protocol.comments.length === 0 ? (
        <Text size="sm" fs="italic">
          {t("protocols.noComments")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {protocol.comments.map((c) => (
            <li key={c.id}>
              <Alert variant="light" color="gray" styles={{ message: { color: "var(--mantine-color-text)" } }}>
                <Text size="sm" fw={600}>
                  {c.author.name} – {t("protocols.commentRound", { round: c.round, date: formatDate(c.at) })}
                </Text>
                <Text style={{ whiteSpace: "pre-wrap" }}>{c.text}</Text>
              </Alert>
            </li>
          ))}
        </Stack>
      )}
      {mayComment && (
        <form {...contract.formProps}>
          <Stack gap="sm">
            <FormMessages form={contract} />
            <Textarea label={t("protocols.comment")} required autosize minRows={3} {...contract.field("text")} />
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending}>
                {t("protocols.sendComment")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function SentVersions({ visit, protocol }: { visit: VisitView; protocol: ProtocolView }) {
  const { t } = useTranslation();
  const caption = t("protocols.sentVersions");
  return (
    <Stack gap="xs" component="section" aria-labelledby="protocol-versions-heading">
      <Title order={3} size="h4" id="protocol-versions-heading">
        {caption}
      </Title>
      <TableScroll label={caption} minWidth={720}>
        <Table withTableBorder striped>
          <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("protocols.colVersion")}</Table.Th>
              <Table.Th scope="col">{t("protocols.colRegistration")}</Table.Th>
              <Table.Th scope="col">{t("protocols.colSentOn")}</Table.Th>
              <Table.Th scope="col">{t("protocols.colSentBy")}</Table.Th>
              <Table.Th scope="col">{t("protocols.colCorrects")}</Table.Th>
              <Table.Th scope="col">{t("protocols.colFiles")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {protocol.sent.map((s) => (
              <Table.Tr key={s.versionNo}>
                <Table.Td>{s.versionNo}</Table.Td>
                <Table.Td>{s.registrationNumber}</Table.Td>
                <Table.Td className="nowrap">{s.sentOn}</Table.Td>
                <Table.Td>{s.sentBy.name}</Table.Td>
                <Table.Td>{s.corrects ?? "–"}</Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    {(["pdf", "docx"] as const).map((format) => (
                      <DownloadLink
                        key={format}
                        href={protocolFileUrl(visit.id, "protocol", format, s.versionNo)}
                        fileName={`protokoll-${visit.municipality.name}-v${s.versionNo}.${format}`}
                        label={t("protocols.versionFile", { version: s.versionNo, format: format.toUpperCase() })}
                      >
                        {format.toUpperCase()}
                      </DownloadLink>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
