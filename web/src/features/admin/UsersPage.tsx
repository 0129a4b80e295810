import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconPencil, IconPlus, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Role, User } from "@uppsikt/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { countyQuery, usersQuery } from "../../api/queries";
import { AppModal } from "../../components/AppModal";
import { breakable } from "../../components/breakable";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { ListPagination } from "../../components/ListPagination";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { TableScroll } from "../../components/TableScroll";
import { RequireAccess } from "../../components/RequireAccess";
import { useDebounced } from "../../lib/useDebounced";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { useRoleLabel } from "../auth/useRoleLabel";
import { LoginThrottlesSection } from "./LoginThrottlesSection";
import { assignableRoles } from "./roleOptions";
import { UserForm } from "./UserForm";
import { useScopeNames } from "./useScopeNames";

const route = getRouteApi("/signed-in/anvandare");
const PAGE_SIZE = 50;

export function UsersPage() {
  return (
    <RequireAccess action="users.manage">
      <UsersList />
    </RequireAccess>
  );
}

type Editing = { mode: "new" } | { mode: "edit"; user: User } | null;

function UsersList() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/anvandare" });
  const page = Math.max(1, search.page ?? 1);
  const [editing, setEditing] = useState<Editing>(null);

  const [text, setText] = useState(search.q ?? "");
  const debounced = useDebounced(text.trim(), 300);
  useEffect(() => {
    if ((search.q ?? "") === debounced) return;
    void navigate({ search: (prev) => ({ ...prev, q: debounced || undefined, page: undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const users = useQuery({
    ...usersQuery({ q: search.q, role: search.role, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const ownCounty = useQuery({ ...countyQuery(me.county ?? ""), enabled: me.role === "county" && !!me.county });
  const scopeName = useScopeNames(users.data?.items ?? []);
  const pages = Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_SIZE));
  const roles = assignableRoles(me);
  const intro =
    me.role === "county" ? t("users.introCounty", { county: ownCounty.data?.name ?? "" }) : t("users.intro");

  return (
    <Page
      title={t("users.title")}
      intro={intro}
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ mode: "new" })}>
          {t("users.newUser")}
        </Button>
      }
    >
      <Group align="flex-end" gap="md">
        <TextInput
          label={t("users.search")}
          description={t("users.searchHelp")}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
        />
        <NativeSelect
          label={t("users.roleFilter")}
          data={[{ value: "", label: t("users.allRoles") }, ...roles.map((r) => ({ value: r, label: roleLabel(r) }))]}
          value={search.role ?? ""}
          w={240}
          onChange={(e) => {
            const role = (e.currentTarget.value || undefined) as Role | undefined;
            void navigate({ search: (prev) => ({ ...prev, role, page: undefined }), replace: true });
          }}
        />
      </Group>

      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState>{t("users.empty")}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("users.total", { count: users.data.total })}
          </Text>
          <TableScroll label={t("users.caption")} minWidth={760}>
            <Table striped withTableBorder aria-busy={users.isFetching}>
              <Table.Caption className="visually-hidden-text">{t("users.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("users.colName")}</Table.Th>
                  <Table.Th scope="col">{t("users.colEmail")}</Table.Th>
                  <Table.Th scope="col">{t("users.colRole")}</Table.Th>
                  <Table.Th scope="col">{t("users.colScope")}</Table.Th>
                  <Table.Th scope="col">{t("users.colFlags")}</Table.Th>
                  <Table.Th scope="col">{t("users.colStatus")}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden-text">{t("users.colActions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td fw={500}>{u.name}</Table.Td>
                    <Table.Td style={{ overflowWrap: "break-word", maxWidth: 260 }}>{breakable(u.email)}</Table.Td>
                    <Table.Td>{roleLabel(u.role)}</Table.Td>
                    <Table.Td>{scopeName(u)}</Table.Td>
                    <Table.Td>
                      {[u.countyHead && t("users.flagCountyHead"), u.readOnly && t("users.flagReadOnly")]
                        .filter(Boolean)
                        .join(", ") || t("common.none")}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {u.active ? (
                          <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
                        ) : (
                          <IconCircleX size={18} color="var(--mantine-color-red-9)" aria-hidden />
                        )}
                        <Text component="span" size="sm" fw={u.active ? 400 : 700}>
                          {u.active ? t("users.active") : t("users.inactive")}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        aria-label={t("users.editUser", { name: u.name })}
                        onClick={() => setEditing({ mode: "edit", user: u })}
                      >
                        {t("common.edit")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <ListPagination
            label={t("users.pagination")}
            total={pages}
            page={page}
            onChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })}
          />
        </Stack>
      )}

      {can(me, "loginThrottles.read") && <LoginThrottlesSection />}

      {me.role === "admin" && (
        <Text size="sm">
          {t("users.apiDocsText")} <Anchor href="/api/v1/docs">{t("nav.apiDocs")}</Anchor>
        </Text>
      )}

      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === "edit" ? t("users.form.titleEdit") : t("users.form.titleNew")}
      >
        {editing && (
          <UserForm
            key={editing.mode === "edit" ? editing.user.id : "new"}
            user={editing.mode === "edit" ? editing.user : undefined}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </AppModal>
    </Page>
  );
}
