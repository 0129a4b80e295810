import { Worker } from "node:worker_threads";
import type { DocumentKind } from "./detect.js";
import type { ExtractedText, ExtractLimits } from "./extract.js";

/** Workers at a time: the machine's cores are the server's too. */
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

/* The worker's entry registers tsx itself, so it loads the TypeScript modules under tsx, Vitest and plain node. */
const ENTRY = new URL("./extract-worker-entry.mjs", import.meta.url);

const FAILED: ExtractedText = { textStatus: "failed", text: null, headings: [] };

/** One file in a worker of its own: terminated at the time limit, killed by V8 at the heap limit; both `failed`. */
export async function inWorker(buffer: Buffer, kind: DocumentKind, limits: ExtractLimits): Promise<ExtractedText> {
  const release = await slot();
  try {
    return await new Promise<ExtractedText>((resolve) => {
      const worker = new Worker(ENTRY, {
        workerData: { buffer: new Uint8Array(buffer), kind },
        resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 64 },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const done = (result: ExtractedText) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
        void worker.terminate();
      };
      const timer = setTimeout(() => done(FAILED), limits.timeoutMs);
      worker.once("message", (result: ExtractedText) => done(result));
      worker.once("error", () => done(FAILED));
      worker.once("exit", () => done(FAILED));
    });
  } finally {
    release();
  }
}
