/**
 * What of an error may be logged. A database error carries the SQL and its parameters (confidential notes, password
 * hashes) and PostgreSQL's detail repeats values ("Key (email)=(…) already exists"): of those only the SQLSTATE code,
 * the constraint, table and column and the driver's routine are kept. Other errors keep their name, message and stack.
 */
export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function databaseCause(err: unknown): Record<string, unknown> | null {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string" && SQLSTATE.test(e.code)) return e;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return null;
}

const isQueryError = (err: unknown) =>
  err instanceof Error && (err.name === "DrizzleQueryError" || /^Failed query:/.test(err.message));

export function loggableError(err: unknown): LoggableError {
  const db = databaseCause(err);
  if (db || isQueryError(err)) {
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
      type: "DatabaseError",
      message: `database error ${str(db?.code) ?? "(no code)"}${db?.constraint ? ` on ${String(db.constraint)}` : ""}`,
      code: str(db?.code),
      constraint: str(db?.constraint),
      table: str(db?.table),
      column: str(db?.column),
    };
  }
  if (err instanceof Error) return { type: err.name, message: err.message, stack: err.stack };
  return { type: typeof err, message: "non-error thrown" };
}
