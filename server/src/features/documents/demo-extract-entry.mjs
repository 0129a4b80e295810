// The demo's text extraction thread (see demo-extract.ts): plain JavaScript, so that it starts under tsx, Vitest and
// plain node alike; it registers tsx's loader and then runs the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./demo-extract-worker.ts");
