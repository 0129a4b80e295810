import { Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/QueryView";
import { fileTextQuery } from "../api";

/** The text read from the file at intake (DOCX, ODT; also the text alternative of a PDF's pages). */
export function FileTextView({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const text = useQuery(fileTextQuery(fileId));
  return (
    <QueryView query={text}>
      {(data) =>
        data.text ? (
          <div className="document-text" tabIndex={0} aria-label={t("documents.review.page.textAlternative")}>
            {data.text}
          </div>
        ) : (
          <Text>{t("documents.review.page.noText")}</Text>
        )
      }
    </QueryView>
  );
}
