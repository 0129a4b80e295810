import { type ParticipantRole, type VisitKind, type VisitStatus, plannedDueOn, plannedFrom } from "@uppsikt/core";
import type { Actor } from "../../platform/actor.js";
import type { PlanRow, VisitRow } from "./repository.js";

/*
 * Who sees which visit: the county's own users every one; a municipality's users and the agency a planned visit
 * only once the plan is published, a held or cancelled one always (it is no longer a draft's proposal).
 */
export function visibleTo(actor: Actor, visit: Pick<VisitRow, "status">, plan: PlanRow | undefined): boolean {
  if (actor.role === "county") return true;
  return visit.status !== "planned" || Boolean(plan?.publishedAt);
}

/** The county's judgement (notes, criteria, assessment) is the county's and the agency's, not the municipality's. */
export const readsJudgement = (actor: Actor): boolean => actor.role === "county" || actor.role === "agency";

export function plannedView(v: VisitRow) {
  return {
    id: v.id,
    planned: v.planned,
    dueOn: plannedDueOn(v.planned),
    from: plannedFrom(v.planned),
    kind: v.kind as VisitKind,
    status: v.status as VisitStatus,
    reason: v.reason,
    heldOn: v.heldOn,
  };
}

export const KIND_WORDS: Record<VisitKind, string> = {
  first: "första av två",
  later: "senare",
  only: "enda",
};

export interface ParticipantRowLike {
  name: string;
  role: string;
  attended: boolean;
}
export const asParticipants = (rows: readonly ParticipantRowLike[]) =>
  rows.map((p) => ({ name: p.name, role: p.role as ParticipantRole, attended: p.attended }));
