declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "pglite" | "postgresql";
    /** A migrated PGlite data folder to copy, or the PostgreSQL template database's URL. */
    dbTemplate: string;
    /** PostgreSQL only: where to run CREATE/DROP DATABASE (not the template itself). */
    dbAdmin: string;
  }
}
export {};
