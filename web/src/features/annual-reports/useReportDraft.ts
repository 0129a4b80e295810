import { useQueryClient } from "@tanstack/react-query";
import { AnnualReport, type Answers } from "@uppsikt/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "../../api/client";
import { formatDateTime } from "../../lib/datetime";
import { annualReportKeys, getAnnualReport, putAnnualReport } from "./api";
import { saveBody, type CostRow } from "./model";

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 1500;

export type SaveState =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; time: string; waiting: number }
  | { kind: "duplicate" }
  | { kind: "failed"; message: string };

const costRows = (report: AnnualReport): CostRow[] =>
  report.costs.map((c) => ({
    part: c.part,
    category: c.category,
    amount: c.amount,
    manualCompilation: c.manualCompilation,
  }));

/**
 * The coordinator's draft: answers and cost lines held here, saved with the report's version about 1.5 s after the
 * last change (and before a submission). A stale version (409) calls `onStale`, which reloads the report.
 */
export function useReportDraft(report: AnnualReport, onStale: () => void) {
  const queryClient = useQueryClient();
  const code = report.municipality.code;
  const year = report.year;
  const [answers, setAnswersState] = useState<Answers>(report.answers);
  const [costs, setCostsState] = useState<CostRow[]>(() => costRows(report));
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(report.version);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const latest = useRef({ answers, costs });
  latest.current = { answers, costs };
  const timer = useRef<number | undefined>(undefined);
  const staleRef = useRef(onStale);
  staleRef.current = onStale;

  const save = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    const { body, waiting, duplicate } = saveBody(version.current, latest.current.answers, latest.current.costs);
    if (duplicate) {
      setState({ kind: "duplicate" });
      return false;
    }
    dirty.current = false;
    setState({ kind: "saving" });
    const run = putAnnualReport(code, year, body)
      .then(async (answer) => {
        const parsed = AnnualReport.safeParse(answer);
        const saved = parsed.success ? parsed.data : await getAnnualReport(code, year);
        version.current = saved.version;
        queryClient.setQueryData(annualReportKeys.report(code, year), saved);
        const at = formatDateTime(saved.updatedAt ?? new Date().toISOString()).slice(11);
        setState({ kind: "saved", time: at, waiting });
        return true;
      })
      .catch((error: unknown) => {
        dirty.current = true;
        if (isApiError(error) && error.status === 409) {
          dirty.current = false;
          staleRef.current();
          return false;
        }
        setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    return run;
  }, [code, year, queryClient]);

  const changed = useCallback(() => {
    dirty.current = true;
    setState({ kind: "unsaved" });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
  }, [save]);

  const setAnswer = useCallback(
    (key: string, value: Answers[string]) => {
      setAnswersState((prev) => ({ ...prev, [key]: value }));
      changed();
    },
    [changed],
  );
  const setCosts = useCallback(
    (rows: CostRow[]) => {
      setCostsState(rows);
      changed();
    },
    [changed],
  );

  // While nothing is waiting to be saved, a newer report from the server (an attachment, a refetch) is taken over.
  useEffect(() => {
    if (dirty.current || inFlight.current || report.version <= version.current) return;
    version.current = report.version;
    setAnswersState(report.answers);
    setCostsState(costRows(report));
  }, [report]);

  // Closing or reloading the page within the autosave's pause would lose the last change: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!dirty.current && !inFlight.current) return;
      void save();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [save]);

  // Leaving the tab saves what is typed.
  useEffect(
    () => () => {
      if (dirty.current) void save();
    },
    [save],
  );

  return { answers, costs, setAnswer, setCosts, state, save, version };
}
