import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DocumentKind } from "./detect.js";
import type { ExtractedText, ExtractLimits } from "./extract.js";

/** Extractions at a time: the machine's cores are the server's too. */
const MAX_WORKERS = 2;
/** A child is replaced after this many files, so that whatever a parser leaves behind cannot pile up. */
const FILES_PER_CHILD = 100;
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

interface Child {
  process: ChildProcess;
  heapMb: number;
  files: number;
}

/* Children waiting for their next file. Starting one (node, tsx, pdfjs) takes seconds; reading a file, milliseconds. */
const idle: Child[] = [];

function spawnChild(heapMb: number): Child {
  const child = fork(ENTRY, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  const entry: Child = { process: child, heapMb, files: 0 };
  // An idle child that ends (or fails to start) is simply forgotten.
  child.once("exit", () => {
    const i = idle.indexOf(entry);
    if (i >= 0) idle.splice(i, 1);
  });
  child.on("error", () => undefined);
  return entry;
}

const alive = (c: Child) => c.process.exitCode === null && c.process.signalCode === null && c.process.connected;

function take(heapMb: number): Child {
  for (let i = idle.length - 1; i >= 0; i--) {
    const c = idle[i]!;
    if (c.heapMb !== heapMb || !alive(c)) continue;
    idle.splice(i, 1);
    return c;
  }
  return spawnChild(heapMb);
}

/** Back to the idle list, not keeping the server (or a test run) alive while it waits. */
function putBack(c: Child) {
  if (!alive(c) || c.files >= FILES_PER_CHILD) {
    c.process.kill("SIGKILL");
    return;
  }
  c.process.unref();
  c.process.channel?.unref();
  idle.push(c);
}

/**
 * One file in a child process: killed at the time limit, and at the heap limit V8 ends the child; both `failed`,
 * and the next file gets a new child. A process, not a worker thread: a worker that reaches its heap limit can take
 * the whole server down with it ("Reached heap limit"), a child cannot. Children are kept for the next file.
 */
export async function inWorker(buffer: Buffer, kind: DocumentKind, limits: ExtractLimits): Promise<ExtractedText> {
  const release = await slot();
  const child = take(limits.maxHeapMb);
  child.process.ref();
  child.process.channel?.ref();
  try {
    return await new Promise<ExtractedText>((resolve) => {
      let settled = false;
      const done = (result: ExtractedText, reusable: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.process.off("message", onMessage);
        child.process.off("exit", onExit);
        child.files++;
        if (reusable) putBack(child);
        else child.process.kill("SIGKILL");
        resolve(result);
      };
      const onMessage = (result: ExtractedText) => done(result, true);
      const onExit = () => done(FAILED, false);
      const timer = setTimeout(() => done(FAILED, false), limits.timeoutMs);
      child.process.on("message", onMessage);
      child.process.once("exit", onExit);
      child.process.send({ buffer: new Uint8Array(buffer), kind }, (error) => {
        if (error) done(FAILED, false);
      });
    });
  } finally {
    release();
  }
}

/** The process ids of the children waiting for a file (for tests). */
export const idleExtractionChildren = () => idle.filter(alive).map((c) => c.process.pid!);
