import { z } from "zod";
import type { TIceServer } from "./room.schemas";

const ZIceServers = z.array(
  z.strictObject({
    urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    username: z.string().optional(),
    credential: z.string().optional(),
  }),
);

/**
 * The ICE servers the browsers use: HEARING_ICE_SERVERS (a JSON array of RTCIceServer), or one TURN server
 * from TURN_URL, TURN_USERNAME, TURN_CREDENTIAL; none by default (host candidates, enough on one network).
 * Throws at start on a malformed setting.
 */
export function iceServersFromEnv(env: NodeJS.ProcessEnv): TIceServer[] {
  if (env.HEARING_ICE_SERVERS) {
    let json: unknown;
    try {
      json = JSON.parse(env.HEARING_ICE_SERVERS);
    } catch {
      throw new Error("invalid configuration:\n  HEARING_ICE_SERVERS is not JSON");
    }
    const parsed = ZIceServers.safeParse(json);
    if (!parsed.success)
      throw new Error("invalid configuration:\n  HEARING_ICE_SERVERS is not an array of ICE servers");
    return parsed.data.map((server) => ({
      urls: Array.isArray(server.urls) ? server.urls : [server.urls],
      ...(server.username !== undefined ? { username: server.username } : {}),
      ...(server.credential !== undefined ? { credential: server.credential } : {}),
    }));
  }
  if (env.TURN_URL) {
    return [
      {
        urls: env.TURN_URL.split(",").map((url) => url.trim()),
        ...(env.TURN_USERNAME ? { username: env.TURN_USERNAME } : {}),
        ...(env.TURN_CREDENTIAL ? { credential: env.TURN_CREDENTIAL } : {}),
      },
    ];
  }
  return [];
}
