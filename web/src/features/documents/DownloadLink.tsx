import { Anchor, Loader } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { downloadFile } from "./api";
import { notifyError } from "../../components/notify";

interface DownloadLinkProps {
  href: string;
  fileName: string;
  /** The link's full name for screen readers when the visible text is short (it starts with the visible text). */
  label?: string;
  children: ReactNode;
}

/**
 * A real link to the file (it can be opened in a new tab or copied); a plain click fetches it first,
 * so that a refusal shows the server's message instead of a page of JSON.
 */
export function DownloadLink({ href, fileName, label, children }: DownloadLinkProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Anchor
      href={href}
      aria-label={label}
      aria-busy={busy || undefined}
      style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        downloadFile(href, fileName)
          .catch((error: unknown) => notifyError(error instanceof Error ? error.message : String(error)))
          .finally(() => setBusy(false));
      }}
    >
      {busy ? <Loader size={14} aria-hidden /> : <IconDownload size={16} aria-hidden />}
      {children}
      {busy && <span className="visually-hidden-text">{t("documents.files.downloading")}</span>}
    </Anchor>
  );
}
