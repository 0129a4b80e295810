// The text extraction child's entry (see extract-pool.ts): plain JavaScript, so that node can start it anywhere;
// it registers tsx's loader and then runs the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
