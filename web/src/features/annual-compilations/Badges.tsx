import { Badge } from "@mantine/core";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { TEXT_COLOR } from "../documents/colors";

/** "Försenad" and "Saknas" as badges whose text keeps AA contrast on the light fill. */
export function ReportFlag({ flag }: { flag: "late" | "missing" }) {
  const { t } = useTranslation();
  const color = flag === "late" ? "orange" : "red";
  return (
    <Badge
      color={color}
      variant="light"
      tt="none"
      radius="sm"
      fw={600}
      data-testid={`report-${flag}`}
      style={{ "--badge-color": TEXT_COLOR[color] } as CSSProperties}
    >
      {t(`annualCompilations.${flag}`)}
    </Badge>
  );
}
