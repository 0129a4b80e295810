import { notifications } from "@mantine/notifications";
import i18next from "i18next";

/** A success toast (role="alert", so screen readers hear it); closes itself after a while. */
export function notifySaved(message: string) {
  notifications.show({
    color: "green",
    title: i18next.t("common.savedTitle"),
    message,
    closeButtonProps: { "aria-label": i18next.t("common.close") },
  });
}

/** An error toast with the server's message; stays until closed. */
export function notifyError(message: string) {
  notifications.show({
    color: "red",
    title: i18next.t("common.errorNotificationTitle"),
    message,
    autoClose: false,
    closeButtonProps: { "aria-label": i18next.t("common.close") },
  });
}
