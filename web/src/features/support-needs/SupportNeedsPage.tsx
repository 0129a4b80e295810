import { NativeSelect, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CountyFrame } from "../../components/CountyFrame";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { annualFormsQuery } from "../annual-compilations/api";
import { compilationYears } from "../annual-compilations/model";
import { supportNeedsQuery } from "./api";
import { SupportNeedsList } from "./SupportNeedsList";

const route = getRouteApi("/signed-in/lan/$code/stod");

/** Stödbehov for a county (R2.4-3, R2.2-6): its municipalities ranked by the reasons they may need support. */
export function SupportNeedsPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="supportNeeds.read">
      <CountyFrame
        code={code}
        title={t("supportNeeds.title")}
        intro={(c) => t("supportNeeds.intro", { county: c.name })}
      >
        {() => <SupportNeedsView code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function SupportNeedsView({ code }: { code: string }) {
  const { t } = useTranslation();
  const { ar } = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/stod" });
  const forms = useQuery(annualFormsQuery);
  const needs = useQuery(supportNeedsQuery(code, ar));
  const years = compilationYears(forms.data?.items ?? [], ar ?? needs.data?.year ?? 0).filter((y) => y > 0);
  return (
    <Stack gap="lg">
      <NativeSelect
        label={t("supportNeeds.year")}
        w={180}
        value={ar === undefined ? "" : String(ar)}
        data={[{ value: "", label: t("supportNeeds.defaultYear") }, ...years.map(String)]}
        onChange={(e) => {
          const value = e.currentTarget.value;
          void navigate({ search: { ar: value ? Number(value) : undefined }, replace: true });
        }}
      />
      <QueryView query={needs}>{(data) => <SupportNeedsList data={data} />}</QueryView>
    </Stack>
  );
}
