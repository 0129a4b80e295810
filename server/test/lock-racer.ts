/**
 * A child process of the lock race test: on "try" it tries to take the lock of the given folder and answers whether
 * it won; it holds a won lock (alive, so the others must lose) until "release".
 */
import { DataDirLockedError, acquireDataDirLock, type DataDirLock } from "../src/db/lock.js";

let held: DataDirLock | null = null;
process.on("message", (message: { do: "try" | "release" | "exit"; dir?: string }) => {
  if (message.do === "try") {
    try {
      held = acquireDataDirLock(message.dir!, "race");
      process.send!({ won: true });
    } catch (e) {
      process.send!({ won: false, error: e instanceof DataDirLockedError ? null : String(e) });
    }
  } else if (message.do === "release") {
    held?.release();
    held = null;
    process.send!({ released: true });
  } else process.exit(0);
});
process.send!({ ready: true });
