import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DocumentKind } from "./detect.js";
import type { ExtractedText, ExtractLimits } from "./extract.js";

/** Extractions at a time: the machine's cores are the server's too. */
const MAX_WORKERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/* The child's entry registers tsx itself, so it loads the TypeScript modules under tsx, Vitest and plain node. */
const ENTRY = fileURLToPath(new URL("./extract-worker-entry.mjs", import.meta.url));

const FAILED: ExtractedText = { textStatus: "failed", text: null, headings: [] };

/**
 * One file in a child process of its own: killed at the time limit, and at the heap limit V8 ends the child; both
 * `failed`. A process, not a worker thread: a worker that reaches its heap limit can take the whole server down with
 * it ("Reached heap limit"), a child cannot.
 */
export async function inWorker(buffer: Buffer, kind: DocumentKind, limits: ExtractLimits): Promise<ExtractedText> {
  const release = await slot();
  try {
    return await new Promise<ExtractedText>((resolve) => {
      const child = fork(ENTRY, [], {
        execArgv: [`--max-old-space-size=${limits.maxHeapMb}`],
        serialization: "advanced",
        stdio: ["ignore", "ignore", "ignore", "ipc"],
      });
      let settled = false;
      const done = (result: ExtractedText) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
        if (child.exitCode === null) child.kill("SIGKILL");
      };
      const timer = setTimeout(() => done(FAILED), limits.timeoutMs);
      child.once("message", (result: ExtractedText) => done(result));
      child.once("error", () => done(FAILED));
      child.once("exit", () => done(FAILED));
      child.send({ buffer: new Uint8Array(buffer), kind }, (error) => {
        if (error) done(FAILED);
      });
    });
  } finally {
    release();
  }
}
