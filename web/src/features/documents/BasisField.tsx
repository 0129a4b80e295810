import { Checkbox, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { oslGroundsQuery } from "./api";
import { SERVER_LANG } from "./labels";

const OTHER = "__other";

/** "18 kap. 13 § OSL – Risk- och sårbarhetsanalyser": the reference and the first words of the description. */
const shortDescription = (description: string) => description.split(/[:.]/)[0]?.trim() ?? description;

interface BasisFieldProps {
  label: string;
  value: string;
  onChange: (basis: string) => void;
  error?: string;
}

/** The legal basis of a confidential part: an OSL ground from the national list, or written out. */
export function BasisField({ label, value, onChange, error }: BasisFieldProps) {
  const { t } = useTranslation();
  const grounds = useQuery(oslGroundsQuery);
  const active = (grounds.data?.items ?? []).filter((g) => g.active);
  // Until the user chooses, the choice follows the value: a ground on the list, or written out.
  const [choice, setChoice] = useState<string | null>(null);
  const listed = active.find((g) => g.reference === value);
  const effective = choice ?? (value ? (listed ? value : OTHER) : "");

  return (
    <Stack gap="xs">
      <NativeSelect
        label={label}
        required
        data={[
          { value: "", label: t("documents.basis.choose") },
          ...active.map((g) => ({ value: g.reference, label: `${g.reference} – ${shortDescription(g.description)}` })),
          { value: OTHER, label: t("documents.basis.other") },
        ]}
        value={effective}
        error={effective === OTHER ? undefined : error}
        description={grounds.isError ? grounds.error.message : undefined}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setChoice(next);
          onChange(next === OTHER ? "" : next);
        }}
      />
      {listed && effective !== OTHER && (
        <Text size="sm" c="dark.5" lang={SERVER_LANG}>
          {listed.description}
        </Text>
      )}
      {effective === OTHER && (
        <TextInput
          label={t("documents.basis.custom")}
          description={t("documents.basis.customHelp")}
          required
          value={value}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Stack>
  );
}

interface ConfidentialChoiceProps {
  label: string;
  description?: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  basisLabel: string;
  basis: string;
  onBasisChange: (basis: string) => void;
  error?: string;
}

/** "This is confidential" and, once ticked, the legal basis it rests on. */
export function ConfidentialChoice({
  label,
  description,
  checked,
  onCheckedChange,
  basisLabel,
  basis,
  onBasisChange,
  error,
}: ConfidentialChoiceProps) {
  return (
    <>
      <Checkbox
        label={label}
        description={description}
        checked={checked}
        onChange={(e) => onCheckedChange(e.currentTarget.checked)}
      />
      {checked && <BasisField label={basisLabel} value={basis} error={error} onChange={onBasisChange} />}
    </>
  );
}
