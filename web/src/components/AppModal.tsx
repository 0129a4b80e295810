import { Modal } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface AppModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/**
 * A Mantine modal whose header is a plain <div>: Mantine's own <header> there would be read
 * as a second banner landmark next to the page header.
 */
export function AppModal({ opened, onClose, title, children }: AppModalProps) {
  const { t } = useTranslation();
  const headerAsDiv = { component: "div" } as Record<string, unknown>;
  return (
    <Modal.Root opened={opened} onClose={onClose} size="lg">
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...headerAsDiv}>
          <Modal.Title component="h2" fw={650} fz="h3">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t("common.close")} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
