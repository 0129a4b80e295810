import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { LoginBody } from "@uppsikt/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { login } from "../../api/endpoints";
import { demoAccountsQuery, meQuery } from "../../api/queries";
import { ErrorState } from "../../components/ErrorState";
import { PublicLayout } from "../../components/PublicLayout";
import { useContractForm } from "../../forms/useContractForm";
import { useDocumentTitle } from "../../lib/useDocumentTitle";

const route = getRouteApi("/logga-in");

/** A redirect target must be a path on this site, never another origin. */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/logga-in")) return "/";
  return target;
}

export function LoginPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t("login.title"));

  const mutation = useMutation({
    mutationFn: (body: LoginBody) => login(body.email, body.password),
    onSuccess: async (me) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ href: safeRedirect(search.redirect), replace: true });
    },
    onError: (error) => form.onServerError(error),
  });
  const form = useContractForm({
    schema: LoginBody,
    initialValues: { email: "", password: "" },
    onSubmit: (body) => mutation.mutate(body),
  });

  const demo = useQuery(demoAccountsQuery);
  const submitRef = useRef<HTMLButtonElement>(null);
  const chooseAccount = (email: string) => {
    form.form.setValues({ email, password: demo.data?.password ?? "" });
    submitRef.current?.focus();
  };

  return (
    <PublicLayout>
      <Stack maw={440} mx="auto" mt="xl" gap="md">
        <Title order={1} tabIndex={-1}>
          {t("login.title")}
        </Title>
        <Text>{t("login.intro")}</Text>
        {search.loggedOut && !mutation.isError && (
          <Alert role="status" variant="light" icon={<IconInfoCircle aria-hidden />}>
            <Text>{t("app.loggedOut")}</Text>
          </Alert>
        )}
        {search.expired && !mutation.isError && (
          <Alert role="status" variant="light" icon={<IconInfoCircle aria-hidden />}>
            <Text>{t("app.sessionEnded")}</Text>
          </Alert>
        )}
        {!!form.submitError && <ErrorState error={form.submitError} title={t("login.errorTitle")} />}
        <Paper withBorder p="lg" component="form" {...form.formProps}>
          <Stack gap="md">
            <TextInput
              label={t("login.email")}
              type="email"
              name="email"
              autoComplete="username"
              required
              withAsterisk={false}
              {...form.field("email")}
            />
            <PasswordInput
              label={t("login.password")}
              name="password"
              autoComplete="current-password"
              visibilityToggleButtonProps={{ "aria-label": t("common.togglePassword") }}
              required
              withAsterisk={false}
              {...form.field("password")}
            />
            <Button type="submit" loading={mutation.isPending} ref={submitRef}>
              {t("login.submit")}
            </Button>
          </Stack>
        </Paper>
        <Alert
          role="note"
          variant="outline"
          color="gray"
          title={t("login.demoTitle")}
          icon={<IconAlertTriangle aria-hidden />}
          styles={{ title: { color: "var(--mantine-color-dark-7)" } }}
        >
          <Text size="sm">{t("login.demoNote")}</Text>
        </Alert>
        {!!demo.data?.accounts.length && (
          <Paper withBorder p="md" component="section" aria-labelledby="demo-accounts-title">
            <Title order={2} size="h4" id="demo-accounts-title">
              {t("login.demoAccountsTable")}
            </Title>
            <Text size="sm" mt={4}>
              {t("login.demoAccounts", { password: demo.data.password })}
            </Text>
            <Stack component="ul" gap={6} mt="sm" p={0} style={{ listStyle: "none" }}>
              {demo.data.accounts.map((a) => (
                <li key={a.email}>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    px={4}
                    onClick={() => chooseAccount(a.email)}
                    aria-label={t("login.useDemoAccount", { email: a.email })}
                  >
                    {a.email}
                  </Button>
                  <Text size="sm" px={4}>
                    {a.description}
                  </Text>
                </li>
              ))}
            </Stack>
          </Paper>
        )}
      </Stack>
    </PublicLayout>
  );
}
