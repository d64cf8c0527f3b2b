import { useMemo } from "react";
import type { Me, StaffRole } from "../identity/identity.api";

export interface StaffCourt {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The courts where the account holds one of the roles, each once. */
export function useStaffCourts(me: Me | null, roles: readonly StaffRole[]): StaffCourt[] {
  return useMemo(() => {
    const courts = new Map<string, StaffCourt>();
    for (const m of me?.memberships ?? []) {
      if (roles.includes(m.role))
        courts.set(m.courtId, {
          id: m.courtId,
          code: m.courtCode,
          nameZh: m.courtNameZh,
          nameEn: m.courtNameEn,
        });
    }
    return [...courts.values()];
  }, [me, roles]);
}
