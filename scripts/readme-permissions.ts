/** Rewrites the README's permission table from the code (npx tsx scripts/readme-permissions.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import { permissionTableMarkdown } from "../server/src/platform/permissions.js";

const readme = readFileSync("README.md", "utf8");
const updated = readme.replace(
  /<!-- permissions:start -->[\s\S]*?<!-- permissions:end -->/,
  `<!-- permissions:start -->\n${permissionTableMarkdown()}\n<!-- permissions:end -->`,
);
writeFileSync("README.md", updated);
