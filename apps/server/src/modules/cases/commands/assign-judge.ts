import { randomInt } from "node:crypto";
import { AppError, type Tx } from "../../../platform";
import { listJudges, type DivisionKind } from "../../courts/index";
import { countOpenCasesByJudge, updateCase } from "../cases.repository";

export interface JudgeCandidate {
  judgeId: string;
  name: string;
  openCases: number;
  weight: number;
  probability: number;
}

/** Why a judge got the case: kept with the case so the assignment can be audited (随机分案). */
export interface JudgeAssignmentRecord {
  rule: "random_weighted_by_open_caseload";
  divisionKinds: DivisionKind[];
  candidates: JudgeCandidate[];
  draw: number;
  chosenJudgeId: string;
  assignedAt: string;
}

export interface AssignJudgeOptions {
  caseId: string;
  courtId: string;
  typeCode: string;
  now: Date;
  /** Uniform random integer in [0, max); defaults to a cryptographic source. */
  random?: (max: number) => number;
}

const RESOLUTION = 1_000_000;

/** Which divisions hear a case type: civil cases in civil divisions, administrative ones in administrative. */
export function divisionKindsFor(typeCode: string): DivisionKind[] {
  if (typeCode.startsWith("行")) return ["administrative"];
  if (typeCode.startsWith("刑")) return ["criminal"];
  if (typeCode.startsWith("执")) return ["enforcement"];
  return ["civil"];
}

/**
 * Picks the judge in charge at random among the court's eligible judges, each weighted by
 * 1 / (1 + open cases) so caseloads even out, and records the candidates, weights and the draw.
 * Throws `no_eligible_judge` (409) when the court has none.
 */
export async function assignJudge(trx: Tx, options: AssignJudgeOptions): Promise<JudgeAssignmentRecord> {
  const divisionKinds = divisionKindsFor(options.typeCode);
  let judges = await listJudges(trx, options.courtId, divisionKinds);
  // A court without a specialised division lets any of its judges take the case.
  if (judges.length === 0) judges = await listJudges(trx, options.courtId);
  if (judges.length === 0) throw new AppError("no_eligible_judge");
  const counts = await countOpenCasesByJudge(
    trx,
    judges.map((j) => j.userId),
  );
  const weights = judges.map((j) => 1 / (1 + (counts.get(j.userId) ?? 0)));
  const total = weights.reduce((a, b) => a + b, 0);
  const candidates: JudgeCandidate[] = judges.map((j, i) => ({
    judgeId: j.userId,
    name: j.name,
    openCases: counts.get(j.userId) ?? 0,
    weight: round(weights[i]!),
    probability: round(weights[i]! / total),
  }));
  const draw = (options.random ?? randomInt)(RESOLUTION);
  const point = (draw / RESOLUTION) * total;
  let chosen = judges[judges.length - 1]!;
  let cumulative = 0;
  for (const [index, judge] of judges.entries()) {
    cumulative += weights[index]!;
    if (point < cumulative) {
      chosen = judge;
      break;
    }
  }
  const record: JudgeAssignmentRecord = {
    rule: "random_weighted_by_open_caseload",
    divisionKinds,
    candidates,
    draw: draw / RESOLUTION,
    chosenJudgeId: chosen.userId,
    assignedAt: options.now.toISOString(),
  };
  await updateCase(
    trx,
    options.caseId,
    { judge_id: chosen.userId, judge_assignment: { ...record } },
    options.now,
  );
  return record;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
