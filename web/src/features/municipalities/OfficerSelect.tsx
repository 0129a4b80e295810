import { Select } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Municipality, User } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { setResponsibleOfficer } from "../../api/endpoints";
import { keys } from "../../api/queries";

const NONE = "none";

interface OfficerSelectProps {
  municipality: Municipality;
  /** Active officers of the county, in Swedish name order. */
  officers: User[];
}

/** The county head's per-row choice of responsible officer; saves at once and says so. */
export function OfficerSelect({ municipality, officers }: OfficerSelectProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = municipality.responsibleOfficer;

  const mutation = useMutation({
    mutationFn: (userId: string | null) => setResponsibleOfficer(municipality.code, userId),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.municipality(updated.code), updated);
      void queryClient.invalidateQueries({ queryKey: keys.municipalitiesAll });
      notifications.show({
        color: "green",
        title: t("common.savedTitle"),
        message: updated.responsibleOfficer
          ? t("county.officerSaved", { officer: updated.responsibleOfficer.name, name: updated.name })
          : t("county.officerCleared", { name: updated.name }),
      });
    },
    onError: (error) => {
      notifications.show({ color: "red", title: t("common.errorNotificationTitle"), message: error.message, autoClose: false });
    },
  });

  const data = [
    { value: NONE, label: t("common.notAssigned") },
    ...officers.map((o) => ({ value: o.id, label: o.name })),
  ];
  if (current && !officers.some((o) => o.id === current.id)) {
    data.push({ value: current.id, label: t("county.officerInactive", { name: current.name }) });
  }

  return (
    <Select
      aria-label={t("county.officerFor", { name: municipality.name })}
      data={data}
      value={mutation.isPending ? (mutation.variables ?? NONE) : (current?.id ?? NONE)}
      allowDeselect={false}
      disabled={mutation.isPending}
      size="sm"
      maw={280}
      comboboxProps={{ withinPortal: true }}
      onChange={(value) => {
        const userId = !value || value === NONE ? null : value;
        if (userId === (current?.id ?? null)) return;
        mutation.mutate(userId);
      }}
    />
  );
}
