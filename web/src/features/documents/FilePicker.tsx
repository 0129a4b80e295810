import { Alert, Button, Group, Input, List, Text } from "@mantine/core";
import { IconAlertOctagon, IconTrash } from "@tabler/icons-react";
import { useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes } from "./labels";

/** As the server takes them (server/src/features/documents/upload.ts and platform/files/detect.ts). */
const MAX_BYTES = 25 * 1024 * 1024;
const MAX_FILES = 10;
const ACCEPT = [
  ".pdf",
  ".docx",
  ".odt",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
].join(",");

export interface ChosenFile {
  key: string;
  file: File;
}

/** Files picked in one go, each with a key of its own (the same file can be picked again after a removal). */
export const chosenFiles = (list: FileList): ChosenFile[] =>
  Array.from(list).map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, file }));

/** What the server would refuse in the chosen files, checked before sending; null when they can go. */
export function fileProblem(
  files: ChosenFile[],
): { kind: "tooMany"; name?: undefined } | { kind: "tooLarge" | "wrongType"; name: string } | null {
  if (files.length > MAX_FILES) return { kind: "tooMany" };
  const big = files.find((f) => f.file.size > MAX_BYTES);
  if (big) return { kind: "tooLarge", name: big.file.name };
  const wrong = files.find((f) => !/\.(pdf|docx|odt)$/i.test(f.file.name));
  if (wrong) return { kind: "wrongType", name: wrong.file.name };
  return null;
}

interface FilePickerProps {
  label: string;
  description: string;
  error?: string;
  files: ChosenFile[];
  onAdd: (files: ChosenFile[]) => void;
  onRemove: (key: string) => void;
  texts: { chosen: string; none: string; remove: string };
}

/**
 * A labelled native file input (the browser's own picker, keyboard and screen reader friendly) and the list of
 * chosen files with their sizes, each removable.
 */
export function FilePicker({ label, description, error, files, onAdd, onRemove, texts }: FilePickerProps) {
  const { i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <>
      <Input.Wrapper id={id} label={label} description={description} error={error}>
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          accept={ACCEPT}
          style={{ font: "inherit", maxWidth: "100%", paddingBlock: 4 }}
          aria-describedby={error ? `${descriptionId} ${errorId}` : descriptionId}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const list = e.currentTarget.files;
            if (list) onAdd(chosenFiles(list));
            // Let the same file be chosen again after it has been removed.
            if (input.current) input.current.value = "";
          }}
        />
      </Input.Wrapper>
      <div>
        <Text size="sm" fw={500} id={`${id}-chosen`}>
          {texts.chosen}
        </Text>
        {files.length === 0 ? (
          <Text size="sm" c="dark.5">
            {texts.none}
          </Text>
        ) : (
          <List listStyleType="none" spacing={4} m={0} p={0} aria-labelledby={`${id}-chosen`}>
            {files.map((f) => (
              <List.Item key={f.key}>
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  <Text style={{ overflowWrap: "anywhere" }}>
                    {f.file.name}{" "}
                    <Text component="span" size="sm" c="dark.5">
                      ({formatBytes(f.file.size, i18n.language)})
                    </Text>
                  </Text>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    style={{ flexShrink: 0 }}
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => onRemove(f.key)}
                  >
                    {texts.remove}
                    <span className="visually-hidden-text"> {f.file.name}</span>
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </>
  );
}

/**
 * Read first where information is entered: security-classified information (säkerhetsskydd) must never be stored in
 * Uppsikt (R2.10-2). Focused when a dialog opens (`autoFocus`), so a screen reader starts here.
 */
export function SecurityNotice({
  title,
  children,
  autoFocus = false,
}: {
  title?: string;
  children?: ReactNode;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      role="note"
      tabIndex={autoFocus ? -1 : undefined}
      data-autofocus={autoFocus || undefined}
      color="red"
      variant="light"
      icon={<IconAlertOctagon aria-hidden />}
      title={title ?? t("documents.form.securityTitle")}
      styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: "var(--mantine-color-red-9)" } }}
    >
      {children ?? t("documents.form.securityText")}
    </Alert>
  );
}
