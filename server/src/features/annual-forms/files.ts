import type { Db } from "../../db/client.js";
import { Invalid } from "../../platform/errors.js";
import type { Upload } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { XLSX_MEDIA_TYPE, formToWorkbook, parseFormWorkbook } from "./excel.js";
import * as service from "./service.js";
import { YAML_MEDIA_TYPE, formFileName, formToYaml, parseFormYaml } from "./yaml.js";

/** A form exported and imported as a file (R2.4-1): YAML or Excel. */

export async function exportForm(db: Db, ctx: ActorContext, id: string, format: "yaml" | "xlsx") {
  const form = await service.formForExport(db, ctx, id);
  return format === "yaml"
    ? {
        content: formToYaml(form),
        fileName: formFileName(form, "yaml"),
        mediaType: `${YAML_MEDIA_TYPE}; charset=utf-8`,
      }
    : { content: await formToWorkbook(form), fileName: formFileName(form, "xlsx"), mediaType: XLSX_MEDIA_TYPE };
}

/** Imports one file as a new draft of its year; nothing is saved when anything in it is wrong. */
export async function importForm(db: Db, ctx: ActorContext, upload: Upload) {
  authorize(ctx.actor, "annualForms.write");
  const file = upload.files[0];
  if (!file) throw Invalid("Bifoga blanketten (.yaml, .yml eller .xlsx) i ett fält som heter file.");
  const ext = file.fileName.toLowerCase().split(".").pop();
  const input =
    ext === "yaml" || ext === "yml"
      ? parseFormYaml(decode(file.buffer))
      : ext === "xlsx"
        ? await parseFormWorkbook(file.buffer)
        : (() => {
            throw Invalid(`Filen ${file.fileName} är varken YAML (.yaml, .yml) eller Excel (.xlsx).`);
          })();
  return service.importForm(db, ctx, input, file.fileName);
}

function decode(buffer: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer).replace(/^\uFEFF/, "");
  } catch {
    throw Invalid("YAML-filen är inte sparad som UTF-8.");
  }
}
