declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "pglite" | "postgresql";
    /** A migrated PGlite data folder to copy, or the PostgreSQL template database's URL. */
    dbTemplate: string;
    /** PostgreSQL only: where to run CREATE/DROP DATABASE (not the template itself). */
    dbAdmin: string;
  }
}
declare global {
  /** Vite's glob import, which Vitest resolves (used by test/routes.ts to collect the features' route cases). */
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true }): Record<string, T>;
  }
}
export {};
