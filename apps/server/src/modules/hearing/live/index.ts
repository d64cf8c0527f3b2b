// 庭审公开: the live stream of a public hearing to anonymous viewers on the public portal, kept as a replay.
export { registerLiveRoutes } from "./live.routes";
