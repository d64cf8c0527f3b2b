import type { Generated } from "kysely";

export interface CourtsTables {
  courts: CourtsTable;
  court_divisions: CourtDivisionsTable;
  court_staff: CourtStaffTable;
  courtrooms: CourtroomsTable;
}

export type CourtLevel = "supreme" | "high" | "intermediate" | "basic";
export type DivisionKind =
  "filing" | "civil" | "administrative" | "criminal" | "enforcement" | "mediation" | "management" | "other";

export interface CourtsTable {
  id: Generated<string>;
  code: string;
  name_zh: string;
  name_en: string;
  level: CourtLevel;
  is_internet_court: Generated<boolean>;
  parent_id: string | null;
  province_zh: string | null;
  province_en: string | null;
  small_claims_limit_fen: number | null;
  small_claims_basis: string | null;
  address_zh: string | null;
  phone: string | null;
  /** Reviews every real-name verification on the platform, not only those of its own litigants. */
  reviews_all_verifications: Generated<boolean>;
  created_at: Date;
}

export interface CourtDivisionsTable {
  id: Generated<string>;
  court_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  kind: DivisionKind;
}

export interface CourtStaffTable {
  user_id: string;
  court_id: string;
  role: "judge" | "clerk" | "mediator" | "enforcement_officer" | "court_admin";
  division_id: string | null;
  title_zh: string | null;
  title_en: string | null;
  is_active: Generated<boolean>;
  created_at: Date;
}

/** A courtroom of a court: a physical room, or an online courtroom (在线诉讼规则第二十四条: 在线法庭). */
export interface CourtroomsTable {
  id: Generated<string>;
  court_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  kind: "physical" | "online";
  location_zh: string | null;
  location_en: string | null;
  is_active: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}
