import { NativeSelect } from "@mantine/core";
import { ANNUAL_FORM_PARTS, type AgreementAreaCode, type AnnualFormPart } from "@uppsikt/core";
import { useTranslation } from "react-i18next";

const AREAS: AgreementAreaCode[] = ["crisisPreparedness", "civilDefence"];

/** The part of the form and the agreement area shown (R2.1-2 keeps the areas apart); "" is all. */
export function Filters({
  part,
  area,
  onChange,
  parts = ANNUAL_FORM_PARTS,
}: {
  part: AnnualFormPart | undefined;
  area: AgreementAreaCode | undefined;
  onChange: (next: { part: AnnualFormPart | undefined; area: AgreementAreaCode | undefined }) => void;
  parts?: readonly AnnualFormPart[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        label={t("annualCompilations.part")}
        value={part ?? ""}
        w={180}
        data={[
          { value: "", label: t("annualCompilations.all") },
          ...parts.map((p) => ({ value: p, label: t(`annualCompilations.parts.${p}`) })),
        ]}
        onChange={(e) => onChange({ part: (e.currentTarget.value || undefined) as AnnualFormPart | undefined, area })}
      />
      <NativeSelect
        label={t("annualCompilations.area")}
        value={area ?? ""}
        w={200}
        data={[
          { value: "", label: t("annualCompilations.all") },
          ...AREAS.map((a) => ({ value: a, label: t(`annualCompilations.areas.${a}`) })),
        ]}
        onChange={(e) =>
          onChange({ part, area: (e.currentTarget.value || undefined) as AgreementAreaCode | undefined })
        }
      />
    </>
  );
}
