/**
 * The JavaScript of the web app's first pages, gzip'd, measured from the build (`web/dist`): the login page and a
 * county officer's first page (the county page `/lan/$code`, where the start page sends a county officer). A page's
 * JavaScript is the entry, its static imports (the `modulepreload` links in index.html) and the chunks of the lazy
 * route modules that page renders on first render, each with its own static imports, followed through the Vite
 * manifest. `npx tsx scripts/bench/bundle.ts [dist]` prints the figures and exits non-zero over budget; the bench
 * (`main.ts`) calls `measureBundle`. `e2e/bundle-budget.spec.ts` checks the same budgets in a browser.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** Budgets in bytes of gzip'd JavaScript (1 KB = 1024 bytes). */
export const BUNDLE_BUDGETS = { loginPage: 150 * 1024, countyFirstPage: 300 * 1024 } as const;

/**
 * The lazy modules each page renders on its first render, as paths in the manifest (relative to `web/`). A module
 * that is neither a chunk of its own nor a shared chunk named after it stops the measurement (see `chunkOf`).
 */
export const FIRST_PAGE_MODULES = {
  loginPage: ["src/features/auth/LoginPage.tsx"],
  // The start page redirects a county officer before it renders, so its chunk is not fetched.
  countyFirstPage: ["src/components/AppLayout.tsx", "src/features/municipalities/CountyPage.tsx"],
} as const satisfies Record<keyof typeof BUNDLE_BUDGETS, readonly string[]>;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageJavaScript {
  name: keyof typeof BUNDLE_BUDGETS;
  /** gzip'd bytes of all its JavaScript. */
  gzipBytes: number;
  /** Bytes before compression. */
  rawBytes: number;
  budgetBytes: number;
  overBudget: boolean;
  /** The files loaded, under `assets/`. */
  files: string[];
}

export interface BundleFigures {
  loginPage: PageJavaScript;
  countyFirstPage: PageJavaScript;
  /** The largest chunk of the build (minified, not compressed). */
  largestChunk: { file: string; bytes: number };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The manifest's chunk keys of a module and everything it imports statically. */
function withStaticImports(manifest: Manifest, key: string, into: Set<string>) {
  if (into.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) return;
  into.add(key);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into);
}

/**
 * The manifest key of the chunk that holds a lazy module: its own key when it is a chunk of its own, else the shared
 * chunk named after it (a module also imported statically by another lazy module lands in a shared chunk, which the
 * manifest knows only by name). A module found neither way is not lazy (or was renamed): the list must be updated.
 */
function chunkOf(manifest: Manifest, module: string): string {
  if (manifest[module]) return module;
  const name = path.basename(module).replace(/\.[^.]+$/, "");
  const shared = Object.keys(manifest).filter((k) => k.startsWith("_") && manifest[k]!.name === name);
  if (shared.length === 1) return shared[0]!;
  throw new Error(
    `${module} är ingen egen del av bygget (${shared.length} delar heter ${name}): uppdatera FIRST_PAGE_MODULES.`,
  );
}

/** Measures the first pages' JavaScript in a built `dist` folder (`web/dist` by default). */
export function measureBundle(dist = path.join(ROOT, "web/dist")): BundleFigures {
  const manifestFile = path.join(dist, ".vite/manifest.json");
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} saknas: bygg webbappen först (npm run build; build.manifest i vite.config.ts).`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const html = readFileSync(path.join(dist, "index.html"), "utf8");

  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error("Manifestet har ingen ingång.");
  const entry = new Set<string>();
  withStaticImports(manifest, entryKey, entry);

  // What index.html loads must be what the manifest says the entry loads: the script and its modulepreloads.
  const htmlFiles = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)]
    .map((m) => m[1]!)
    .sort();
  const entryFiles = [...entry].map((k) => manifest[k]!.file).sort();
  const missing = entryFiles.filter((f) => !htmlFiles.includes(f));
  if (missing.length > 0) throw new Error(`index.html laddar inte ${missing.join(", ")}.`);

  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const content = readFileSync(path.join(dist, file));
      size = { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };

  const page = (name: keyof typeof BUNDLE_BUDGETS): PageJavaScript => {
    const keys = new Set<string>(entry);
    for (const module of FIRST_PAGE_MODULES[name]) withStaticImports(manifest, chunkOf(manifest, module), keys);
    const files = [...new Set([...keys].map((k) => manifest[k]!.file).filter((f) => /\.m?js$/.test(f)))].sort();
    const rawBytes = files.reduce((sum, f) => sum + sizeOf(f).raw, 0);
    const gzipBytes = files.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
    const budgetBytes = BUNDLE_BUDGETS[name];
    return { name, gzipBytes, rawBytes, budgetBytes, overBudget: gzipBytes > budgetBytes, files };
  };

  let largestChunk = { file: "", bytes: 0 };
  for (const chunk of Object.values(manifest)) {
    if (!/\.m?js$/.test(chunk.file) || /\.worker\b/.test(chunk.file)) continue;
    const bytes = sizeOf(chunk.file).raw;
    if (bytes > largestChunk.bytes) largestChunk = { file: chunk.file, bytes };
  }
  return { loginPage: page("loginPage"), countyFirstPage: page("countyFirstPage"), largestChunk };
}

const LABELS: Record<keyof typeof BUNDLE_BUDGETS, string> = {
  loginPage: "Inloggningssidan",
  countyFirstPage: "Länshandläggarens första sida",
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line per page, for the bench's output. */
export function describeBundle(figures: BundleFigures): string[] {
  return [figures.loginPage, figures.countyFirstPage].map(
    (p) =>
      `${LABELS[p.name]}: ${kb(p.gzipBytes)} JavaScript gzip (${p.files.length} filer, ${kb(p.rawBytes)} okomprimerat; budget ${kb(p.budgetBytes)})${p.overBudget ? " – ÖVER BUDGET" : ""}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const figures = measureBundle(dist ? path.resolve(dist) : undefined);
  for (const line of describeBundle(figures)) console.log(line);
  console.log(`Största filen: ${figures.largestChunk.file}, ${kb(figures.largestChunk.bytes)} okomprimerat.`);
  if (process.argv.includes("--files"))
    for (const p of [figures.loginPage, figures.countyFirstPage]) console.log(`${p.name}: ${p.files.join(" ")}`);
  if (figures.loginPage.overBudget || figures.countyFirstPage.overBudget) process.exitCode = 1;
}
