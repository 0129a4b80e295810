import { Button, Checkbox, Group, NativeSelect, PasswordInput, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserCreate, UserUpdate, scopeProblem, type Role, type User } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { createUser, updateUser } from "../../api/endpoints";
import { countiesQuery, keys, municipalitiesQuery } from "../../api/queries";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { useMe } from "../auth/useSession";
import { useRoleLabel } from "../auth/useRoleLabel";
import { assignableRoles } from "./roleOptions";

interface UserFormProps {
  /** The user to edit; without it the form creates a new one. */
  user?: User;
  onDone: () => void;
  onCancel: () => void;
}

interface Values extends Record<string, unknown> {
  email: string;
  name: string;
  role: Role;
  county: string | null;
  municipality: string | null;
  countyHead: boolean;
  readOnly: boolean;
  active: boolean;
  password: string;
}

/** Create or edit a user; checked with core's schemas and `scopeProblem` before it is sent. */
export function UserForm({ user, onDone, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const roles = assignableRoles(me);
  const isCountyHead = me.role === "county";
  const editingSelf = user?.id === me.id;

  const mutation = useMutation({
    mutationFn: (input: UserCreate | UserUpdate) =>
      user ? updateUser(user.id, input as UserUpdate) : createUser(input as UserCreate),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: keys.usersAll });
      notifySaved(user ? t("users.form.updated", { name: saved.name }) : t("users.form.created", { name: saved.name }));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });

  // A municipality user's county follows from the municipality; the server fills it in.
  const scopeOf = (v: Values) => ({
    role: v.role,
    county: v.role === "county" ? v.county : null,
    municipality: v.role === "municipality" ? v.municipality : null,
    countyHead: v.role === "county" ? v.countyHead : false,
    readOnly: v.role === "municipality" ? v.readOnly : false,
  });
  const contract = useContractForm({
    schema: user ? UserUpdate : UserCreate,
    initialValues: {
      email: user?.email ?? "",
      name: user?.name ?? "",
      role: user?.role ?? roles[0] ?? "municipality",
      county: user?.county ?? (user?.municipality ? user.municipality.slice(0, 2) : isCountyHead ? me.county : null),
      municipality: user?.municipality ?? null,
      countyHead: user?.countyHead ?? false,
      readOnly: user?.readOnly ?? false,
      active: user?.active ?? true,
      password: "",
    } as Values,
    toInput: (v) =>
      user
        ? {
            name: v.name,
            ...(editingSelf ? {} : scopeOf(v)),
            ...(editingSelf ? {} : { active: v.active }),
            ...(v.password ? { password: v.password } : {}),
          }
        : { email: v.email, name: v.name, ...scopeOf(v), password: v.password },
    /** The scope rule the server applies too (a county user needs a county …). */
    validate: (v) => {
      const problem = scopeProblem(scopeOf(v));
      if (!problem) return {};
      return { [v.role === "municipality" ? "municipality" : v.role === "county" ? "county" : "form"]: problem };
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { form, field } = contract;
  const { role, county } = form.values;

  const needsCounty = role === "county" || role === "municipality";
  const counties = useQuery({ ...countiesQuery, enabled: needsCounty });
  const municipalities = useQuery({
    ...municipalitiesQuery(county ?? "", { limit: 500 }),
    enabled: role === "municipality" && !!county,
  });

  const countyOptions = (counties.data?.items ?? [])
    .filter((c) => !isCountyHead || c.code === me.county)
    .map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  const municipalityOptions = (municipalities.data?.items ?? []).map((m) => ({
    value: m.code,
    label: `${m.name} (${m.code})`,
  }));

  return (
    <form {...contract.formProps} data-user-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        {user ? (
          <div>
            <Text size="sm" fw={500}>
              {t("users.form.email")}
            </Text>
            <Text>{user.email}</Text>
          </div>
        ) : (
          <TextInput label={t("users.form.email")} type="email" autoComplete="off" required {...field("email")} />
        )}
        <TextInput label={t("users.form.name")} required autoComplete="off" {...field("name")} />
        <NativeSelect
          label={t("users.form.role")}
          required
          data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          {...field("role")}
          disabled={editingSelf}
          onChange={(e) => {
            form.setFieldValue("role", e.currentTarget.value as Role);
            form.setFieldValue("municipality", null);
          }}
        />
        {needsCounty && (
          <NativeSelect
            label={t("users.form.county")}
            required
            data={[{ value: "", label: t("users.form.chooseCounty") }, ...countyOptions]}
            value={county ?? ""}
            disabled={editingSelf || (isCountyHead && countyOptions.length <= 1)}
            error={contract.error("county") ?? (counties.isError ? counties.error.message : undefined)}
            onChange={(e) => {
              form.setFieldValue("county", e.currentTarget.value || null);
              form.setFieldValue("municipality", null);
            }}
          />
        )}
        {role === "municipality" && (
          <NativeSelect
            label={t("users.form.municipality")}
            required
            data={[
              { value: "", label: county ? t("users.form.chooseMunicipality") : t("users.form.chooseCountyFirst") },
              ...municipalityOptions,
            ]}
            value={form.values.municipality ?? ""}
            disabled={!county || editingSelf}
            error={
              contract.error("municipality") ?? (municipalities.isError ? municipalities.error.message : undefined)
            }
            onChange={(e) => form.setFieldValue("municipality", e.currentTarget.value || null)}
          />
        )}
        {role === "county" && (
          <Checkbox
            label={t("users.form.countyHead")}
            description={t("users.form.countyHeadHelp")}
            {...field("countyHead", { type: "checkbox" })}
            disabled={editingSelf}
          />
        )}
        {role === "municipality" && (
          <Checkbox
            label={t("users.form.readOnly")}
            description={t("users.form.readOnlyHelp")}
            {...field("readOnly", { type: "checkbox" })}
            disabled={editingSelf}
          />
        )}
        <PasswordInput
          label={user ? t("users.form.newPassword") : t("users.form.password")}
          description={user ? t("users.form.newPasswordHelp") : t("users.form.passwordHelp")}
          required={!user}
          autoComplete="new-password"
          {...field("password")}
          visibilityToggleButtonProps={{ "aria-label": t("common.togglePassword") }}
        />
        {user && (
          <Switch
            label={t("users.form.active")}
            description={t("users.form.activeHelp")}
            {...field("active", { type: "checkbox" })}
            disabled={editingSelf}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {user ? t("common.save") : t("users.form.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
