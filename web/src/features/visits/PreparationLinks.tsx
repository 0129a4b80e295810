import { Group, List, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { VisitView } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { AnchorLink } from "../../components/links";
import { formatDate } from "../../lib/formatDate";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { documentRequestsQuery } from "../document-requests/api";
import { RequestStatusBadge } from "../document-requests/RequestStatusBadge";
import { documentsQuery } from "../documents/api";
import { StatusBadge } from "../documents/Badges";

/**
 * What the preparation checklist stands on (R2.7-6): each required document's review status in the visit's period,
 * and the requests for supplements sent to the municipality, each linked to where it is handled.
 */
export function PreparationLinks({ visit }: { visit: VisitView }) {
  const me = useMe();
  return (
    <Stack gap="sm">
      {can(me, "documents.read") && <DocumentStatuses visit={visit} />}
      {can(me, "documentRequests.read") && <Requests visit={visit} />}
    </Stack>
  );
}

function DocumentStatuses({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  const documents = useQuery(documentsQuery(visit.municipality.code, visit.period));
  return (
    <Stack gap={4} component="section" aria-labelledby="visit-prep-documents">
      <Title order={3} size="h4" id="visit-prep-documents">
        {t("visits.visit.preparation.documentsHeading")}
      </Title>
      {documents.isPending ? (
        <LoadingState />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : (
        <List listStyleType="none" spacing={6} m={0} p={0}>
          {documents.data.items.map((d) => (
            <List.Item key={d.type}>
              <Group gap="sm" wrap="wrap">
                <AnchorLink
                  to="/kommun/$code"
                  params={{ code: visit.municipality.code }}
                  search={{ flik: "dokument", period: visit.period }}
                >
                  {d.typeName}
                </AnchorLink>
                <StatusBadge status={d.status} />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Requests({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  const requests = useQuery(documentRequestsQuery(visit.municipality.code));
  return (
    <Stack gap={4} component="section" aria-labelledby="visit-prep-requests">
      <Title order={3} size="h4" id="visit-prep-requests">
        {t("visits.visit.preparation.requestsHeading")}
      </Title>
      {requests.isPending ? (
        <LoadingState />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <Text size="sm" fs="italic">
          {t("visits.visit.preparation.noRequests")}
        </Text>
      ) : (
        <List listStyleType="none" spacing={6} m={0} p={0}>
          {requests.data.items.map((r) => (
            <List.Item key={r.id}>
              <Group gap="sm" wrap="wrap">
                <AnchorLink
                  to="/kommun/$code"
                  params={{ code: visit.municipality.code }}
                  search={{ flik: "dialog", period: visit.period }}
                >
                  {r.subject ?? t("visits.visit.preparation.confidentialRequest")}
                </AnchorLink>
                <Text size="sm">{t("visits.visit.preparation.replyBy", { date: formatDate(r.replyBy) })}</Text>
                <RequestStatusBadge status={r.status} />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
