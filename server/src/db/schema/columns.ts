import { customType } from "drizzle-orm/pg-core";

/** File content, stored in the database so that PGlite and PostgreSQL deployments keep everything in one place. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
