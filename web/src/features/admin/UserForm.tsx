import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserCreate, UserUpdate, scopeProblem, type Role, type User } from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createUser, updateUser } from "../../api/endpoints";
import { countiesQuery, keys, municipalitiesQuery } from "../../api/queries";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { useMe } from "../auth/useSession";
import { useRoleLabel } from "../auth/useRoleLabel";
import { assignableRoles } from "./roleOptions";

interface UserFormProps {
  /** The user to edit; without it the form creates a new one. */
  user?: User;
  onDone: () => void;
  onCancel: () => void;
}

type Errors = Partial<Record<"email" | "name" | "role" | "county" | "municipality" | "password" | "form", string>>;

/** Create or edit a user; checked with core's schemas and `scopeProblem` before it is sent. */
export function UserForm({ user, onDone, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const roles = assignableRoles(me);
  const isCountyHead = me.role === "county";
  const editingSelf = user?.id === me.id;

  const [email, setEmail] = useState(user?.email ?? "");
  const [name, setName] = useState(user?.name ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? roles[0] ?? "municipality");
  const [county, setCounty] = useState<string | null>(
    user?.county ?? (user?.municipality ? user.municipality.slice(0, 2) : isCountyHead ? me.county : null),
  );
  const [municipality, setMunicipality] = useState<string | null>(user?.municipality ?? null);
  const [countyHead, setCountyHead] = useState(user?.countyHead ?? false);
  const [readOnly, setReadOnly] = useState(user?.readOnly ?? false);
  const [active, setActive] = useState(user?.active ?? true);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  // A municipality user's county follows from the municipality; the server fills it in.
  const scope = {
    role,
    county: role === "county" ? county : null,
    municipality: role === "municipality" ? municipality : null,
    countyHead: role === "county" ? countyHead : false,
    readOnly: role === "municipality" ? readOnly : false,
  };
  const needsCounty = role === "county" || role === "municipality";
  const counties = useQuery({ ...countiesQuery, enabled: needsCounty });
  const municipalities = useQuery({
    ...municipalitiesQuery(county ?? "", { limit: 500 }),
    enabled: role === "municipality" && !!county,
  });

  const mutation = useMutation({
    mutationFn: async () => {
      if (user) {
        const input = UserUpdate.parse({
          name,
          ...(editingSelf ? {} : scope),
          ...(editingSelf ? {} : { active }),
          ...(password ? { password } : {}),
        });
        return updateUser(user.id, input);
      }
      return createUser(UserCreate.parse({ email, name, ...scope, password }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: keys.usersAll });
      notifySaved(user ? t("users.form.updated", { name: saved.name }) : t("users.form.created", { name: saved.name }));
      onDone();
    },
  });

  /** Field messages from the same rules the server uses. */
  function validate(): Errors {
    const found: Errors = {};
    const result = user
      ? UserUpdate.safeParse({ name, ...scope, ...(password ? { password } : {}) })
      : UserCreate.safeParse({ email, name, ...scope, password });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? "form") as keyof Errors;
        found[field in emptyErrors ? field : "form"] ??= issue.message;
      }
    }
    const problem = scopeProblem(scope);
    if (problem) {
      const field = role === "municipality" ? "municipality" : role === "county" ? "county" : "form";
      found[field] ??= problem;
    }
    return found;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Move focus to the first field with a message so that it is read out.
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-user-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate();
  };

  const countyOptions = (counties.data?.items ?? [])
    .filter((c) => !isCountyHead || c.code === me.county)
    .map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  const municipalityOptions = (municipalities.data?.items ?? []).map((m) => ({
    value: m.code,
    label: `${m.name} (${m.code})`,
  }));

  return (
    <form onSubmit={submit} noValidate data-user-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        {errors.form && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            <Text>{errors.form}</Text>
          </Alert>
        )}
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        {user ? (
          <div>
            <Text size="sm" fw={500}>
              {t("users.form.email")}
            </Text>
            <Text>{user.email}</Text>
          </div>
        ) : (
          <TextInput
            label={t("users.form.email")}
            type="email"
            autoComplete="off"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
        )}
        <TextInput
          label={t("users.form.name")}
          required
          autoComplete="off"
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <NativeSelect
          label={t("users.form.role")}
          required
          data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          value={role}
          disabled={editingSelf}
          error={errors.role}
          onChange={(e) => {
            setRole(e.currentTarget.value as Role);
            setMunicipality(null);
          }}
        />
        {needsCounty && (
          <NativeSelect
            label={t("users.form.county")}
            required
            data={[{ value: "", label: t("users.form.chooseCounty") }, ...countyOptions]}
            value={county ?? ""}
            disabled={editingSelf || (isCountyHead && countyOptions.length <= 1)}
            error={errors.county ?? (counties.isError ? counties.error.message : undefined)}
            onChange={(e) => {
              setCounty(e.currentTarget.value || null);
              setMunicipality(null);
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
            value={municipality ?? ""}
            disabled={!county || editingSelf}
            error={errors.municipality ?? (municipalities.isError ? municipalities.error.message : undefined)}
            onChange={(e) => setMunicipality(e.currentTarget.value || null)}
          />
        )}
        {role === "county" && (
          <Checkbox
            label={t("users.form.countyHead")}
            description={t("users.form.countyHeadHelp")}
            checked={countyHead}
            disabled={editingSelf}
            onChange={(e) => setCountyHead(e.currentTarget.checked)}
          />
        )}
        {role === "municipality" && (
          <Checkbox
            label={t("users.form.readOnly")}
            description={t("users.form.readOnlyHelp")}
            checked={readOnly}
            disabled={editingSelf}
            onChange={(e) => setReadOnly(e.currentTarget.checked)}
          />
        )}
        <PasswordInput
          label={user ? t("users.form.newPassword") : t("users.form.password")}
          description={user ? t("users.form.newPasswordHelp") : t("users.form.passwordHelp")}
          required={!user}
          autoComplete="new-password"
          value={password}
          error={errors.password}
          visibilityToggleButtonProps={{ "aria-label": t("common.togglePassword") }}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        {user && (
          <Switch
            label={t("users.form.active")}
            description={t("users.form.activeHelp")}
            checked={active}
            disabled={editingSelf}
            onChange={(e) => setActive(e.currentTarget.checked)}
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

const emptyErrors: Record<Exclude<keyof Errors, "form">, true> = {
  email: true,
  name: true,
  role: true,
  county: true,
  municipality: true,
  password: true,
};
