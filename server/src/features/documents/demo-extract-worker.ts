import { parentPort } from "node:worker_threads";
import type { DocumentKind } from "../../platform/files/detect.js";
import { extractTextInProcess } from "../../platform/files/extract.js";

/* Extracts the demo's files one after another as they are sent (demo-extract.ts). */
parentPort!.on("message", (message: { id: number; buffer: Uint8Array; kind: DocumentKind }) => {
  const buffer = Buffer.from(message.buffer.buffer, message.buffer.byteOffset, message.buffer.byteLength);
  void extractTextInProcess(buffer, message.kind).then((result) => parentPort!.postMessage({ id: message.id, result }));
});
