import { Badge } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { CSSProperties, ReactNode } from "react";
import { TEXT_COLOR } from "../documents/colors";

/** A light badge with an icon and words, never colour alone; text in the colour's darkest shade for AA contrast. */
export function DialogueBadge({
  color,
  icon: IconComponent,
  children,
}: {
  color: string;
  icon: Icon;
  children: ReactNode;
}) {
  return (
    <Badge
      color={color}
      variant="light"
      tt="none"
      size="lg"
      radius="sm"
      fw={600}
      leftSection={<IconComponent size={16} aria-hidden />}
      style={{ "--badge-color": TEXT_COLOR[color] ?? TEXT_COLOR.gray, maxWidth: "100%" } as CSSProperties}
      styles={{ label: { overflow: "visible" } }}
    >
      {children}
    </Badge>
  );
}
