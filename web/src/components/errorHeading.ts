import type { TFunction } from "i18next";
import { isApiError } from "../api/client";

/** The h1 for a page whose data could not be fetched. */
export function errorHeading(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.status === 404) return t("common.notFoundTitle");
  if (isApiError(error) && error.status === 403) return t("common.forbiddenTitle");
  return t("common.errorTitle");
}
