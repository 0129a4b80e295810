import { Worker } from "node:worker_threads";
import type { DocumentKind } from "../../platform/files/detect.js";
import { type ExtractedText, extractTextInProcess } from "../../platform/files/extract.js";

export interface DemoExtractor {
  extract(buffer: Buffer, kind: DocumentKind): Promise<ExtractedText>;
  close(): Promise<void>;
}

/**
 * Text extraction of the demo's own generated files on a thread of its own, so that it runs while the main thread
 * generates the next file (the files are this process's own, not uploads: no separate process is needed to guard
 * against them). If the thread cannot start or fails, the rest is extracted here.
 */
export function demoExtractor(): DemoExtractor {
  const pending = new Map<number, { buffer: Buffer; kind: DocumentKind; resolve: (r: ExtractedText) => void }>();
  let next = 0;
  let worker: Worker | null = null;
  const inProcess = () => {
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      void extractTextInProcess(p.buffer, p.kind).then(p.resolve);
    }
  };
  try {
    worker = new Worker(new URL("./demo-extract-entry.mjs", import.meta.url));
    worker.on("message", ({ id, result }: { id: number; result: ExtractedText }) => {
      pending.get(id)?.resolve(result);
      pending.delete(id);
    });
    worker.on("error", inProcess);
    worker.on("exit", inProcess);
  } catch {
    worker = null;
  }
  return {
    extract(buffer, kind) {
      if (!worker) return extractTextInProcess(buffer, kind);
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, { buffer, kind, resolve });
        worker!.postMessage({ id, buffer: new Uint8Array(buffer), kind });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) {
        w.removeAllListeners("exit");
        await w.terminate();
      }
    },
  };
}
