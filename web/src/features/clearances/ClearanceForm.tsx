import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ClearanceCreate, compareSwedish, isValidIsoDate } from "@uppsikt/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { grantClearance, oversightKeys } from "../documents/county/api";
import { countiesQuery, municipalitiesQuery, usersQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { useMe } from "../auth/useSession";
import { DateField } from "../../components/DateField";

const WHOLE_COUNTY = "";

/**
 * Grants a clearance (R2.10-2). A county head grants in their own county; an admin chooses the county.
 * The whole county is for county officers only; a municipal user is cleared for their own municipality.
 */
export function ClearanceForm({
  defaultCounty,
  onDone,
  onCancel,
}: {
  defaultCounty: string | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const isAdmin = me.role === "admin";
  const mutation = useMutation({
    mutationFn: grantClearance,
    onSuccess: (granted) => {
      void queryClient.invalidateQueries({ queryKey: oversightKeys.clearancesAll });
      notifySaved(
        t("clearances.form.granted", {
          name: granted.user.name,
          scope: granted.municipality ? municipalityName(granted.municipality) : t("clearances.wholeCounty"),
        }),
      );
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ClearanceCreate,
    initialValues: {
      county: isAdmin ? (defaultCounty ?? "") : (me.county ?? ""),
      userId: "",
      municipality: WHOLE_COUNTY,
      undertakingSignedOn: config.today,
      validUntil: "",
      note: "",
    },
    // A municipal user is cleared for their own municipality, whatever the scope field says.
    toInput: (v): unknown => ({
      userId: v.userId,
      county: v.county,
      municipality: municipalUser ? user.municipality : v.municipality || null,
      undertakingSignedOn: v.undertakingSignedOn,
      validUntil: v.validUntil || null,
      note: v.note.trim() || null,
    }),
    validate: ({ county, userId, undertakingSignedOn: signedOn, validUntil }) => {
      const found: Partial<Record<string, string>> = {};
      if (!county) found.county = t("clearances.form.countyRequired");
      if (!userId) found.userId = t("clearances.form.userRequired");
      if (!isValidIsoDate(signedOn)) found.undertakingSignedOn = t("clearances.form.dateInvalid");
      else if (signedOn > config.today) found.undertakingSignedOn = t("clearances.form.signedInFuture");
      if (validUntil) {
        if (!isValidIsoDate(validUntil)) found.validUntil = t("clearances.form.dateInvalid");
        else if (isValidIsoDate(signedOn) && validUntil < signedOn)
          found.validUntil = t("clearances.form.validBeforeSigned");
        else if (validUntil < config.today) found.validUntil = t("clearances.form.validInPast");
      }
      return found;
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { form, field } = contract;
  const { county, userId, municipality } = form.values;

  const counties = useQuery({ ...countiesQuery, enabled: isAdmin });
  const users = useQuery({ ...usersQuery({ county, limit: 500 }), enabled: !!county });
  const municipalities = useQuery({ ...municipalitiesQuery(county, { limit: 500 }), enabled: !!county });
  const municipalityName = (code: string | null) =>
    municipalities.data?.items.find((m) => m.code === code)?.name ?? code ?? "";

  const candidates = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter(
          (u) =>
            u.active &&
            ((u.role === "county" && u.county === county) ||
              (u.role === "municipality" && u.municipality?.startsWith(county))),
        )
        .sort((a, b) => compareSwedish(a.name, b.name)),
    [users.data, county],
  );
  const user = candidates.find((u) => u.id === userId);
  const municipalUser = user?.role === "municipality";

  const userOptions = [
    {
      value: "",
      label: county ? t("clearances.form.chooseUser") : t("clearances.chooseCountyFirst"),
    },
    ...candidates.map((u) => ({
      value: u.id,
      label:
        u.role === "municipality"
          ? t("clearances.form.userMunicipality", {
              name: u.name,
              municipality: municipalityName(u.municipality),
            })
          : t("clearances.form.userCounty", { name: u.name }),
    })),
  ];
  const scopeOptions = municipalUser
    ? [{ value: user.municipality ?? "", label: municipalityName(user.municipality) }]
    : [
        { value: WHOLE_COUNTY, label: t("clearances.wholeCounty") },
        ...(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name })),
      ];

  return (
    <form {...contract.formProps} data-clearance-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <Alert
          role="note"
          variant="light"
          color="orange"
          icon={<IconAlertTriangle aria-hidden />}
          styles={{ message: { color: "var(--mantine-color-text)" } }}
        >
          <Text size="sm">{t("clearances.securityNote")}</Text>
        </Alert>
        <FormMessages form={contract} />
        {isAdmin && (
          <NativeSelect
            label={t("clearances.form.county")}
            required
            data={[
              { value: "", label: t("clearances.form.chooseCounty") },
              ...(counties.data?.items ?? []).map((c) => ({ value: c.code, label: c.name })),
            ]}
            value={county}
            error={contract.error("county") ?? (counties.isError ? counties.error.message : undefined)}
            onChange={(e) => {
              form.setFieldValue("county", e.currentTarget.value);
              form.setFieldValue("userId", "");
              form.setFieldValue("municipality", WHOLE_COUNTY);
            }}
          />
        )}
        <NativeSelect
          label={t("clearances.form.user")}
          description={t("clearances.form.userHelp")}
          required
          data={userOptions}
          value={userId}
          disabled={!county || users.isPending}
          error={contract.error("userId") ?? (users.isError ? users.error.message : undefined)}
          onChange={(e) => {
            const id = e.currentTarget.value;
            form.setFieldValue("userId", id);
            const chosen = candidates.find((u) => u.id === id);
            form.setFieldValue(
              "municipality",
              chosen?.role === "municipality" ? (chosen.municipality ?? WHOLE_COUNTY) : WHOLE_COUNTY,
            );
          }}
        />
        <NativeSelect
          label={t("clearances.form.scope")}
          description={
            municipalUser ? t("clearances.form.scopeHelpMunicipalityUser") : t("clearances.form.scopeHelpCounty")
          }
          required
          data={scopeOptions}
          value={municipalUser ? (user.municipality ?? "") : municipality}
          disabled={!county || municipalUser}
          error={contract.error("municipality") ?? (municipalities.isError ? municipalities.error.message : undefined)}
          onChange={(e) => form.setFieldValue("municipality", e.currentTarget.value)}
        />
        <DateField
          label={t("clearances.form.signedOn")}
          description={t("clearances.form.signedOnHelp")}
          required
          w={240}
          {...field("undertakingSignedOn")}
        />
        <DateField
          label={t("clearances.form.validUntil")}
          description={t("clearances.form.validUntilHelp")}
          w={240}
          {...field("validUntil")}
        />
        <Textarea
          label={t("clearances.form.note")}
          description={t("clearances.form.noteHelp")}
          autosize
          minRows={2}
          {...field("note")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("clearances.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
