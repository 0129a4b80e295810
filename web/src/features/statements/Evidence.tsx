import { List, Text } from "@mantine/core";
import type { StatementEvidence } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { PathLink } from "../../components/links";

/** Evidence as a list: each piece with its date and, where it can be read, a link. */
export function EvidenceList({ evidence, label }: { evidence: readonly StatementEvidence[]; label: string }) {
  const { t } = useTranslation();
  if (evidence.length === 0)
    return (
      <Text size="sm" c="dark.5">
        {t("statements.evidenceNone")}
      </Text>
    );
  return (
    <List size="sm" spacing={2} aria-label={label}>
      {evidence.map((e, i) => (
        <List.Item key={`${i}-${e.text}`}>
          {e.date && (
            <>
              <time dateTime={e.date}>{e.date}</time>
              {": "}
            </>
          )}
          {e.link ? (
            <PathLink href={e.link} style={{ overflowWrap: "anywhere" }}>
              {e.text}
            </PathLink>
          ) : (
            <span style={{ overflowWrap: "anywhere" }}>{e.text}</span>
          )}
        </List.Item>
      ))}
    </List>
  );
}
