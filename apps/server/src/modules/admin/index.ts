// Court administration's public surface: routes, and the commands the operator's CLI uses.
export { registerAdminRoutes } from "./admin.routes";
export { inviteStaff, type InviteStaffInput } from "./commands/invite-staff";
export { resetSecondFactor } from "./commands/reset-second-factor";
export { deactivateStaff } from "./commands/deactivate-staff";
export { addDivision } from "./commands/add-division";
export { addCourts, type CourtInput } from "./commands/add-courts";
export type { AdminDependencies } from "./admin.dependencies";
