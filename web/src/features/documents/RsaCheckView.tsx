import { Alert, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { rsaCheckQuery } from "./api";
import { QueryView } from "../../components/QueryView";
import { TableScroll } from "../../components/TableScroll";
import { SERVER_LANG } from "./labels";

/** The RSA report's headings against the disposition of MSBFS 2015:5 § 4 (R2.2-5). */
export function RsaCheckView({ versionId, headingOrder }: { versionId: string; headingOrder: 5 | 6 }) {
  const { t } = useTranslation();
  const check = useQuery(rsaCheckQuery(versionId));
  return (
    <Stack gap="xs">
      <Title order={headingOrder} size="h5">
        {t("documents.rsa.heading")}
      </Title>
      <Text size="sm">{t("documents.rsa.intro")}</Text>
      <QueryView query={check}>
        {(data) =>
          !data.checkable ? (
            <Alert
              variant="light"
              color="yellow"
              icon={<IconInfoCircle aria-hidden />}
              title={t("documents.rsa.notCheckable")}
              styles={{
                message: { color: "var(--mantine-color-text)" },
                title: { color: "var(--mantine-color-text)" },
              }}
            >
              <Text lang={SERVER_LANG}>{data.message}</Text>
            </Alert>
          ) : (
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap">
                {data.missing > 0 ? (
                  <IconAlertTriangle size={18} aria-hidden color="var(--mantine-color-red-9)" />
                ) : (
                  <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-9)" />
                )}
                <Text fw={600}>
                  {data.missing > 0
                    ? t("documents.rsa.someMissing", {
                        count: data.missing,
                        total: data.sections.filter((s) => s.required).length,
                      })
                    : t("documents.rsa.allFound", { count: data.sections.filter((s) => s.required).length })}
                </Text>
              </Group>
              <TableScroll label={t("documents.rsa.caption")} minWidth={560}>
                <Table withTableBorder striped highlightOnHover={false} style={{ verticalAlign: "top" }}>
                  <Table.Caption className="visually-hidden-text">{t("documents.rsa.caption")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w="50%">
                        {t("documents.rsa.colSection")}
                      </Table.Th>
                      <Table.Th scope="col">{t("documents.rsa.colHeading")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.sections.map((s) => (
                      <Table.Tr key={s.position}>
                        <Table.Th scope="row" fw={400} lang={SERVER_LANG}>
                          {s.position}. {s.title}
                          {!s.required && (
                            <Text component="span" size="sm" c="dark.5">
                              {" "}
                              {t("documents.rsa.optional")}
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td>
                          {s.matchedHeading === null && !s.required ? (
                            <Text inherit c="dark.5">
                              {t("documents.rsa.optionalMissingCell")}
                            </Text>
                          ) : s.matchedHeading === null ? (
                            <Group gap={6} wrap="nowrap" c="red.9">
                              <IconAlertTriangle size={18} aria-hidden style={{ flexShrink: 0 }} />
                              <Text fw={700} inherit>
                                {t("documents.rsa.missingCell")}
                              </Text>
                            </Group>
                          ) : (
                            <Text inherit>
                              <span lang={SERVER_LANG}>{s.matchedHeading}</span>
                              {s.score < 1 && (
                                <Text component="span" size="sm" c="dark.5">
                                  {" "}
                                  {t("documents.rsa.partial")}
                                </Text>
                              )}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
