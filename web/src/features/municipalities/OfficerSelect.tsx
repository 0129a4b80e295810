import { Button, Group, NativeSelect, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Municipality, User } from "@uppsikt/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { setResponsibleOfficer } from "../../api/endpoints";
import { keys } from "../../api/queries";
import { AppModal } from "../../components/AppModal";
import { notifyError, notifySaved } from "../../components/notify";

const NONE = "";
/**
 * A native select fires `change` on every arrow key while it is closed (Windows), so a choice is
 * saved once it has stood still for a moment, or at once when the control loses focus.
 */
const SETTLE_MS = 600;

interface OfficerSelectProps {
  municipality: Municipality;
  /** Active officers of the county, in Swedish name order. */
  officers: User[];
}

/**
 * The county head's per-row choice of responsible officer: asks before it changes (naming who it was before), then
 * saves and says so, with the one before named again.
 */
export function OfficerSelect({ municipality, officers }: OfficerSelectProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = municipality.responsibleOfficer;
  const savedValue = current?.id ?? NONE;
  const [value, setValue] = useState(savedValue);
  const timer = useRef<number | undefined>(undefined);
  const [asking, setAsking] = useState<string | null>(null);

  useEffect(() => setValue(savedValue), [savedValue]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const mutation = useMutation({
    mutationFn: (userId: string | null) => setResponsibleOfficer(municipality.code, userId),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.municipality(updated.code), updated);
      void queryClient.invalidateQueries({ queryKey: keys.municipalitiesAll });
      const before = current?.name ?? t("common.notAssigned").toLowerCase();
      notifySaved(
        updated.responsibleOfficer
          ? t("county.officerSavedBefore", { officer: updated.responsibleOfficer.name, name: updated.name, before })
          : t("county.officerClearedBefore", { name: updated.name, before }),
      );
    },
    onError: (error) => {
      setValue(savedValue);
      notifyError(error.message);
    },
  });

  /** A settled choice is confirmed before it is saved. */
  const save = (next: string) => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (next === savedValue || mutation.isPending) return;
    setAsking(next);
  };
  const nameOf = (id: string) =>
    id === NONE ? t("common.notAssigned").toLowerCase() : (officers.find((o) => o.id === id)?.name ?? id);
  const cancel = () => {
    setAsking(null);
    setValue(savedValue);
  };
  const confirm = () => {
    if (asking === null) return;
    mutation.mutate(asking === NONE ? null : asking);
    setAsking(null);
  };

  const options = [
    { value: NONE, label: t("common.notAssigned") },
    ...officers.map((o) => ({ value: o.id, label: o.name })),
  ];
  if (current && !officers.some((o) => o.id === current.id)) {
    options.push({ value: current.id, label: t("county.officerInactive", { name: current.name }) });
  }

  return (
    <>
      <NativeSelect
        aria-label={t("county.officerFor", { name: municipality.name })}
        data={options}
        value={value}
        aria-busy={mutation.isPending}
        size="sm"
        maw={280}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setValue(next);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => save(next), SETTLE_MS);
        }}
        onBlur={() => {
          if (timer.current !== undefined) save(value);
        }}
      />
      <AppModal opened={asking !== null} onClose={cancel} title={t("county.officerConfirmTitle")}>
        <Text mb="md">
          {t("county.officerConfirm", {
            name: municipality.name,
            before: current?.name ?? t("common.notAssigned").toLowerCase(),
            after: asking === null ? "" : nameOf(asking),
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t("common.cancel")}
          </Button>
          <Button onClick={confirm} data-autofocus>
            {t("county.officerConfirmButton")}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}
