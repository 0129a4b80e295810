import type { County } from "@uppsikt/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { countyQuery } from "../api/queries";
import { ErrorState } from "./ErrorState";
import { errorHeading } from "./errorHeading";
import { LoadingState } from "./LoadingState";
import { Page } from "./Page";
import { CountyNav } from "./CountyNav";

interface CountyFrameProps {
  code: string;
  title: string;
  intro?: (county: County) => ReactNode;
  actions?: (county: County) => ReactNode;
  children: (county: County) => ReactNode;
}

/**
 * A page about one county: the county is fetched first (its name is in the tab title and the intro),
 * then the heading, the county's page links and the page's own content.
 */
export function CountyFrame({ code, title, intro, actions, children }: CountyFrameProps) {
  const { t } = useTranslation();
  const county = useQuery(countyQuery(code));
  if (county.isPending) return <LoadingState />;
  if (county.isError)
    return (
      <Page title={errorHeading(t, county.error)}>
        <ErrorState error={county.error} onRetry={() => void county.refetch()} />
      </Page>
    );
  return (
    <Page
      title={title}
      documentTitle={t("countyDocuments.titleWithCounty", { title, county: county.data.name })}
      intro={intro?.(county.data)}
      actions={actions?.(county.data)}
    >
      <CountyNav code={code} countyName={county.data.name} />
      {children(county.data)}
    </Page>
  );
}
