import { parentPort, workerData } from "node:worker_threads";
import type { DocumentKind } from "./detect.js";
import { extractTextInProcess } from "./extract.js";

/* A worker thread of its own per file (extract-pool.ts): extracts and answers once. */
const { buffer, kind } = workerData as { buffer: Uint8Array; kind: DocumentKind };
const result = await extractTextInProcess(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), kind);
parentPort!.postMessage(result);
