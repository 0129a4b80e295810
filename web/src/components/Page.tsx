import { Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/useDocumentTitle";

interface PageProps {
  /** The one h1 of the page, also used in the tab title. */
  title: string;
  /** Tab title when it should differ from the heading. */
  documentTitle?: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

/** A page's heading, tab title and body. */
export function Page({ title, documentTitle, intro, actions, children }: PageProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <Stack gap="md" maw={1200}>
      <Stack gap={4}>
        <div
          style={{
            display: "flex",
            flexWrap: "wrap",
            gap: "1rem",
            alignItems: "center",
            justifyContent: "space-between",
          }}
        >
          <Title order={1} tabIndex={-1}>
            {title}
          </Title>
          {actions}
        </div>
        {intro && (typeof intro === "string" ? <Text maw={760}>{intro}</Text> : intro)}
      </Stack>
      {children}
    </Stack>
  );
}
