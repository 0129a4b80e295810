import { Group, List, Stack, Text } from "@mantine/core";
import { IconFileText, IconLock } from "@tabler/icons-react";
import type { DocumentFile } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { ConfidentialNotice } from "./ConfidentialNotice";
import { DownloadLink } from "./DownloadLink";
import { fileKind, formatBytes } from "./labels";

/**
 * The files of a version. A readable file is a download link; a confidential one the reader may not read
 * shows the lock, its legal basis and who may read it, and no link (R2.10-2).
 */
export function FileList({ files, label }: { files: DocumentFile[]; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={label}>
      {files.map((f) => {
        const readable = !f.confidential || f.confidential.canRead;
        const kind = fileKind(f.mediaType);
        const textNote = f.textStatus === "extracted" ? "" : t(`documents.files.textStatus.${f.textStatus}`);
        return (
          <List.Item key={f.id}>
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {readable ? (
                  <IconFileText size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                ) : (
                  <IconLock
                    size={20}
                    aria-hidden
                    color="var(--mantine-color-orange-9)"
                    style={{ flexShrink: 0, marginTop: 2 }}
                  />
                )}
                <div style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                  {readable ? (
                    <DownloadLink
                      href={f.downloadUrl}
                      fileName={f.fileName}
                      label={`${f.fileName}, ${t("documents.files.download").toLowerCase()}`}
                    >
                      {f.fileName}
                    </DownloadLink>
                  ) : (
                    <Text fw={600}>{f.fileName}</Text>
                  )}
                  <Text size="sm" c="dark.5">
                    {t(`documents.files.kinds.${kind}`)}, {formatBytes(f.sizeBytes, i18n.language)}
                    {textNote && ` · ${textNote}`}
                  </Text>
                </div>
              </Group>
              {f.confidential && (
                <div style={{ paddingInlineStart: 28 }}>
                  <ConfidentialNotice mark={f.confidential} />
                </div>
              )}
            </Stack>
          </List.Item>
        );
      })}
    </List>
  );
}
