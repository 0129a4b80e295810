import { useEffect } from "react";

/** Sets the tab title to "Page – Uppsikt" while the page is shown. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – Uppsikt` : "Uppsikt";
  }, [title]);
}
