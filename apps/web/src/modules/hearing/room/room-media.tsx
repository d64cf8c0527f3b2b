import { createContext, useContext } from "react";

/**
 * The room's media for parts built on the hearing room (the transcript, recording and broadcast): the
 * local stream and each admitted participant's stream with their role.
 */
export interface RoomMedia {
  hearingId: string;
  self: { participantId: string; role: string; label: string };
  localStream: MediaStream | null;
  remotes: Array<{
    participantId: string;
    role: string;
    label: string;
    partyRole: string | null;
    stream: MediaStream;
  }>;
  status: "waiting" | "admitted" | "recess" | "ended";
}

export const RoomMediaContext = createContext<RoomMedia | null>(null);

/** The media of the hearing room the component is placed in; null outside a room. */
export function useRoomMedia(): RoomMedia | null {
  return useContext(RoomMediaContext);
}
