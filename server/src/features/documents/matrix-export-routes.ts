import { CountyParams, ErrorBody, MatrixQuery } from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { XLSX_MEDIA_TYPE, exportMatrix } from "./matrix-export.js";
import { sendFile } from "../../platform/http/files.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The county matrix as an Excel file (R2.2-6). */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/counties/:code/documents/matrix.xlsx",
    {
      schema: {
        tags: ["Dokument"],
        summary: "Länets kommuner × dokumenttyper som Excel-fil, med samma filter som matrisen",
        params: CountyParams,
        querystring: MatrixQuery,
        response: errors,
      },
      preHandler: can("documents.matrix"),
    },
    async (req, reply) => {
      const file = await exportMatrix(db, writeContext(req, clock), req.params.code, req.query);
      return sendFile(reply, { ...file, mediaType: XLSX_MEDIA_TYPE });
    },
  );
}
