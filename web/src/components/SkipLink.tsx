import { useTranslation } from "react-i18next";

export const MAIN_ID = "innehall";

/** The first focusable element on every page: jumps past the header and menu. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        const main = document.getElementById(MAIN_ID);
        if (!main) return;
        e.preventDefault();
        main.focus();
        main.scrollIntoView();
      }}
    >
      {t("app.skipLink")}
    </a>
  );
}
