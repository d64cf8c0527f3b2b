import { api } from "../../platform/api-client";

export interface ProgressEvent {
  at: string;
  kind: string;
  params?: Record<string, unknown> | null;
}

/** What the public may see of a case with its query code (`GET /api/public/progress`). */
export interface CaseProgress {
  caseNumber: string | null;
  courtNameZh: string;
  courtNameEn: string;
  status: string;
  statusLabel?: string | null;
  causeNameZh?: string | null;
  causeNameEn?: string | null;
  judgeName?: string | null;
  timeline: ProgressEvent[];
}

export const disclosureApi = {
  progress: (code: string, signal?: AbortSignal) =>
    api.get<CaseProgress>("/api/public/progress", { query: { code }, signal }),
};
