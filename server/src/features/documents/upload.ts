import type { FastifyRequest } from "fastify";
import { AppError, Invalid } from "../../platform/errors.js";
import { MAX_FILE_BYTES } from "../../platform/files/detect.js";

export const MAX_FILES = 10;

export interface Upload {
  fields: Record<string, string>;
  files: { fileName: string; buffer: Buffer }[];
}

/** Reads a multipart form: text fields and the parts named `file`, each at most 25 MB. */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw new AppError(
      415,
      "unsupportedMediaType",
      "Skicka formuläret som multipart/form-data med filerna i fält som heter file.",
    );
  const upload: Upload = { fields: {}, files: [] };
  try {
    for await (const part of req.parts({
      limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 30, fieldSize: 10_000 },
    })) {
      if (part.type === "file") {
        if (part.fieldname !== "file") {
          await part.toBuffer();
          throw Invalid(`Okänt filfält "${part.fieldname}". Filer skickas i fält som heter file.`);
        }
        const buffer = await part.toBuffer();
        if (buffer.length === 0) throw Invalid(`Filen ${part.filename} är tom.`);
        upload.files.push({ fileName: part.filename || "namnlös", buffer });
      } else {
        upload.fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError(413, "payloadTooLarge", "En fil är för stor. Varje fil får vara högst 25 MB.");
    if (code === "FST_FILES_LIMIT")
      throw new AppError(413, "payloadTooLarge", `Högst ${MAX_FILES} filer per uppladdning.`);
    if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") throw Invalid("Formuläret har för många fält.");
    throw Invalid("Formuläret kunde inte läsas. Försök igen.");
  }
  return upload;
}
