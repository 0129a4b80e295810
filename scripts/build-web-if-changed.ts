/**
 * `npm start` builds the web app only when its inputs changed since the last build: a hash of the web and core
 * sources, the web config and the lock file is kept in web/dist/.build-inputs.
 */
import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const INPUTS = ["web/src", "web/index.html", "web/vite.config.ts", "web/package.json", "core/src", "package-lock.json"];
const STAMP = path.join(ROOT, "web/dist/.build-inputs");

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (!statSync(entry).isDirectory()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

const hash = createHash("sha256");
for (const input of INPUTS)
  for (const file of files(path.join(ROOT, input))) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
const digest = hash.digest("hex");

if (existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === digest) {
  console.log("Webbappen är redan byggd från samma källkod (web/dist).");
} else {
  execSync("npm run build -w web", { cwd: ROOT, stdio: "inherit" });
  writeFileSync(STAMP, digest + "\n");
}
