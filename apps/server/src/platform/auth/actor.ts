/** Court staff roles; a person holds them per court (STYLE.md: staff see their own court's cases). */
export const staffRoles = ["judge", "clerk", "mediator", "enforcement_officer", "court_admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffMembership {
  courtId: string;
  role: StaffRole;
  divisionId: string | null;
}

/** Who is asking. Commands and policies decide on this, never on raw request data. */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      sessionId: string;
      name: string;
      userKind: "person" | "organisation";
      isVerified: boolean;
      isLawyer: boolean;
      /** Staff memberships; empty until the session passed the second factor (staff must use TOTP). */
      memberships: StaffMembership[];
      /** Staff account whose session still needs the TOTP step. */
      needsSecondFactor: boolean;
    }
  | { kind: "system"; label: string }
  | { kind: "platform"; platformId: string; name: string };

export type UserActor = Extract<Actor, { kind: "user" }>;

export const anonymousActor: Actor = { kind: "anonymous" };

/** Courts where the actor holds one of the given roles. */
export function courtsWithRole(actor: Actor, ...roles: StaffRole[]): string[] {
  if (actor.kind !== "user") return [];
  return [...new Set(actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.courtId))];
}

/** True when the actor holds the role at the court. */
export function hasRole(actor: Actor, courtId: string, ...roles: StaffRole[]): boolean {
  return (
    actor.kind === "user" && actor.memberships.some((m) => m.courtId === courtId && roles.includes(m.role))
  );
}

/** A short label for audit records. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "anonymous":
      return "anonymous";
    case "user":
      return `user:${actor.name}`;
    case "system":
      return `system:${actor.label}`;
    case "platform":
      return `platform:${actor.name}`;
  }
}

/** The user id behind the actor, if any. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
