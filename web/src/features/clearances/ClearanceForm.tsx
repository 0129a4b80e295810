import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ClearanceCreate, compareSwedish, isValidIsoDate } from "@uppsikt/core";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { grantClearance, oversightKeys } from "../documents/county/api";
import { countiesQuery, municipalitiesQuery, usersQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { useMe } from "../auth/useSession";

type Field = "county" | "userId" | "municipality" | "undertakingSignedOn" | "validUntil" | "note" | "form";
type Errors = Partial<Record<Field, string>>;
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
  const [county, setCounty] = useState(isAdmin ? (defaultCounty ?? "") : (me.county ?? ""));
  const [userId, setUserId] = useState("");
  const [municipality, setMunicipality] = useState(WHOLE_COUNTY);
  const [signedOn, setSignedOn] = useState(config.today);
  const [validUntil, setValidUntil] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});

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
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
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
    const parsed = ClearanceCreate.safeParse({
      userId,
      county,
      municipality: municipalUser ? user.municipality : municipality || null,
      undertakingSignedOn: signedOn,
      validUntil: validUntil || null,
      note: note.trim() || null,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        const field = (
          ["county", "userId", "municipality", "undertakingSignedOn", "validUntil", "note"].includes(key) ? key : "form"
        ) as Field;
        found[field] ??= issue.message;
      }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-clearance-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

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
    <form onSubmit={submit} noValidate data-clearance-form>
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
        {errors.form && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            <Text>{errors.form}</Text>
          </Alert>
        )}
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        {isAdmin && (
          <NativeSelect
            label={t("clearances.form.county")}
            required
            data={[
              { value: "", label: t("clearances.form.chooseCounty") },
              ...(counties.data?.items ?? []).map((c) => ({ value: c.code, label: c.name })),
            ]}
            value={county}
            error={errors.county ?? (counties.isError ? counties.error.message : undefined)}
            onChange={(e) => {
              setCounty(e.currentTarget.value);
              setUserId("");
              setMunicipality(WHOLE_COUNTY);
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
          error={errors.userId ?? (users.isError ? users.error.message : undefined)}
          onChange={(e) => {
            const id = e.currentTarget.value;
            setUserId(id);
            const chosen = candidates.find((u) => u.id === id);
            setMunicipality(chosen?.role === "municipality" ? (chosen.municipality ?? WHOLE_COUNTY) : WHOLE_COUNTY);
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
          error={errors.municipality ?? (municipalities.isError ? municipalities.error.message : undefined)}
          onChange={(e) => setMunicipality(e.currentTarget.value)}
        />
        <TextInput
          label={t("clearances.form.signedOn")}
          description={t("clearances.form.signedOnHelp")}
          type="date"
          required
          w={240}
          max={config.today}
          value={signedOn}
          error={errors.undertakingSignedOn}
          onChange={(e) => setSignedOn(e.currentTarget.value)}
        />
        <TextInput
          label={t("clearances.form.validUntil")}
          description={t("clearances.form.validUntilHelp")}
          type="date"
          w={240}
          min={config.today}
          value={validUntil}
          error={errors.validUntil}
          onChange={(e) => setValidUntil(e.currentTarget.value)}
        />
        <Textarea
          label={t("clearances.form.note")}
          description={t("clearances.form.noteHelp")}
          autosize
          minRows={2}
          value={note}
          error={errors.note}
          onChange={(e) => setNote(e.currentTarget.value)}
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
