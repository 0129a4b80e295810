/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { addDays } from "@uppsikt/core";
import { stringify } from "yaml";
import { type RouteCase, type RoleKey, loggedIn } from "../../../test/route-case.js";
// The bodies are built from the shipped default rules (plain data, no I/O).
// eslint-disable-next-line no-restricted-imports
import { DEFAULT_NATIONAL_RULE_VERSIONS } from "./defaults.js";

// National rules (R1-2): read by everyone signed in, written by the agency only.
function nationalRulesRoutes(): RouteCase[] {
  let day = 0;
  /** A fresh future date per call, so a repeated create does not collide (409). */
  const nextDate = () => addDays("2040-01-01", day++);
  // A small but complete rule set, so the body stays under the bad-input test's 4 kB body limit.
  const full = DEFAULT_NATIONAL_RULE_VERSIONS.at(-1)!.rules;
  const value = <T>(v: { value: T }) => ({ value: v.value, unverified: true });
  const rules = {
    ...Object.fromEntries(
      Object.entries(full)
        .filter(([k]) => k !== "documentTypes" && k !== "rsaDisposition" && k !== "costCategories")
        .map(([k, v]) => [k, value(v as { value: unknown })]),
    ),
    documentTypes: [{ ...full.documentTypes[0]!, source: undefined, unverified: true }],
    rsaDisposition: { sections: [full.rsaDisposition.sections[0]!], unverified: true },
    costCategories: { ...full.costCategories, items: [full.costCategories.items[0]!] },
  };
  const versionBody = () => ({ appliesFrom: nextDate(), sourceTitle: "Testkälla", sourceDnr: null, rules });
  const agencyOnly = (ok: number) => (role: RoleKey) => (role === "anonymous" ? 401 : role === "agency" ? ok : 403);
  const unknown = "00000000-0000-4000-8000-000000000000";
  return [
    { method: "GET", path: "/api/v1/national-rules", url: () => "/api/v1/national-rules", expect: loggedIn(200) },
    {
      method: "GET",
      path: "/api/v1/national-rules/current",
      url: () => "/api/v1/national-rules/current",
      expect: loggedIn(200),
    },
    {
      method: "GET",
      path: "/api/v1/national-rules.yaml",
      url: () => "/api/v1/national-rules.yaml",
      expect: loggedIn(200),
    },
    {
      method: "GET",
      path: "/api/v1/national-rules/{id}",
      url: () => `/api/v1/national-rules/${unknown}`,
      expect: loggedIn(404),
    },
    {
      method: "GET",
      path: "/api/v1/national-rules/{id}/export",
      url: () => `/api/v1/national-rules/${unknown}/export`,
      expect: loggedIn(404),
    },
    {
      method: "POST",
      path: "/api/v1/national-rules",
      url: () => "/api/v1/national-rules",
      body: versionBody,
      expect: agencyOnly(201),
    },
    {
      method: "PUT",
      path: "/api/v1/national-rules/{id}",
      url: () => `/api/v1/national-rules/${unknown}`,
      body: () => ({ ...versionBody(), version: 1 }),
      expect: agencyOnly(404),
    },
    {
      method: "POST",
      path: "/api/v1/national-rules/import",
      url: () => "/api/v1/national-rules/import",
      body: () => ({ content: stringify({ versions: [versionBody()] }) }),
      expect: agencyOnly(200),
    },
  ];
}

export const ROUTE_CASES: RouteCase[] = nationalRulesRoutes();
