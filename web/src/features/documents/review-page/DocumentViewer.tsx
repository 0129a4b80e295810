import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import type { DocumentFile } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DownloadLink } from "../DownloadLink";
import { FileTextView } from "./FileTextView";
import { PdfPages } from "./PdfPages";

const isPdf = (f: DocumentFile) => f.mediaType === "application/pdf";

/** The version's files beside the review: a PDF drawn with pdf.js (or its text), other files as their text. */
export function DocumentViewer({ files }: { files: DocumentFile[] }) {
  const { t } = useTranslation();
  const [fileId, setFileId] = useState(files[0]?.id ?? null);
  const [asText, setAsText] = useState(false);
  const file = files.find((f) => f.id === fileId) ?? files[0];
  if (!file) return <Text>{t("documents.review.page.noFiles")}</Text>;
  const readable = !file.confidential || file.confidential.canRead;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="end" wrap="wrap">
        {files.length > 1 && (
          <Select
            label={t("documents.review.page.file")}
            data={files.map((f) => ({ value: f.id, label: f.fileName }))}
            value={file.id}
            allowDeselect={false}
            onChange={(v) => {
              setFileId(v);
              setAsText(false);
            }}
          />
        )}
        {readable && (
          <DownloadLink
            href={file.downloadUrl}
            fileName={file.fileName}
            label={t("documents.review.page.download", { name: file.fileName })}
          >
            {file.fileName}
          </DownloadLink>
        )}
        {readable && isPdf(file) && file.textStatus === "extracted" && (
          <Button variant="subtle" size="compact-sm" onClick={() => setAsText((v) => !v)} aria-pressed={asText}>
            {asText ? t("documents.review.page.showPages") : t("documents.review.page.showText")}
          </Button>
        )}
      </Group>
      {!readable && file.confidential ? (
        <Alert color="gray">{t("documents.review.page.confidential", { basis: file.confidential.basis })}</Alert>
      ) : isPdf(file) && !asText ? (
        <PdfPages url={file.downloadUrl} />
      ) : file.textStatus === "extracted" ? (
        <FileTextView fileId={file.id} />
      ) : (
        <Text>{t("documents.review.page.notRendered")}</Text>
      )}
    </Stack>
  );
}
