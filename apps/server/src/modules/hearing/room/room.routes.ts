import fastifyWebsocket from "@fastify/websocket";
import type { FastifyRequest } from "fastify";
import type { AppContext } from "../../../context";
import { AppError, commandMeta, readMultipart, requireUser, type ZodApp } from "../../../platform";
import { getHearing } from "../hearing.queries";
import { ZHearing } from "../hearing.schemas";
import { endHearing } from "./commands/end-hearing";
import { openRoom } from "./commands/open-room";
import { recessHearing } from "./commands/recess-hearing";
import { verifyParticipantFace } from "./commands/verify-participant-face";
import { assertParticipant, assertRoomOpen, faceCheckOf, loadRoomFor } from "./room.access";
import { RoomHub, type RoomSocket } from "./room.hub";
import { iceServersFromEnv } from "./room.ice";
import { getAttendance, getRoomState, openFaceCheckPhoto, presentFaceCheck } from "./room.queries";
import {
  FACE_IMAGE_MAX_BYTES,
  MAX_FRAME_BYTES,
  isAllowedOrigin,
  mayEnterAfterFaceCheck,
  type RoomIdentity,
} from "./room.rules";
import {
  ZAttendance,
  ZFaceCheck,
  ZFaceCheckParams,
  ZOpenRoomRequest,
  ZRoomParams,
  ZRoomState,
} from "./room.schemas";

const tags = ["hearing"];

/** What the upgrade check found, handed to the socket handler. */
const entries = new WeakMap<
  FastifyRequest,
  { caseId: string; identity: RoomIdentity; isFaceCheckMissing: boolean }
>();

/**
 * The online hearing room (在线诉讼规则第二十一条至第二十六条): the court opens it, recesses, resumes and ends
 * the hearing; the participants enter through the signalling socket; the court reads who was present.
 * Returns the hub (tests and the bench count its sockets).
 */
export async function registerHearingRoomRoutes(app: ZodApp, context: AppContext): Promise<RoomHub> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  const iceServers = iceServersFromEnv(process.env);
  const hub = new RoomHub(context);
  await hub.start();
  app.addHook("onClose", async () => hub.stop());
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });

  app.get(
    "/api/hearings/:hearingId/room",
    {
      schema: {
        tags,
        summary: "The online hearing room as the caller sees it (participants of the hearing, the court)",
        params: ZRoomParams,
        response: { 200: ZRoomState },
      },
    },
    async (request) =>
      getRoomState(context, requireUser(request.actor), request.params.hearingId, iceServers),
  );
  app.get(
    "/api/hearings/:hearingId/attendance",
    {
      schema: {
        tags,
        summary: "Who was present in the hearing room when (the judge, the clerk, the court's staff)",
        params: ZRoomParams,
        response: { 200: ZAttendance },
      },
    },
    async (request) => getAttendance(context, requireUser(request.actor), request.params.hearingId),
  );
  app.post(
    "/api/hearings/:hearingId/room/open",
    {
      schema: {
        tags,
        summary: "Open the room of an online hearing on its day (the judge or the hearing's clerk)",
        params: ZRoomParams,
        body: ZOpenRoomRequest.optional(),
        response: { 200: ZHearing },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await openRoom(context, meta(request), request.params.hearingId, {
        requiresFaceCheck: request.body?.requiresFaceCheck ?? false,
      });
      return getHearing(context, request.actor, request.params.hearingId);
    },
  );
  app.post(
    "/api/hearings/:hearingId/room/end",
    {
      schema: {
        tags,
        summary: "End the hearing: everyone is told and leaves the room (the judge)",
        params: ZRoomParams,
        response: { 200: ZHearing },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await endHearing(context, meta(request), request.params.hearingId);
      await hub.announceEnded(request.params.hearingId);
      return getHearing(context, request.actor, request.params.hearingId);
    },
  );
  for (const [act, isRecess] of [
    ["recess", true],
    ["resume", false],
  ] as const) {
    app.post(
      `/api/hearings/:hearingId/room/${act}`,
      {
        schema: {
          tags,
          summary: isRecess
            ? "Declare a recess (休庭; the judge)"
            : "Resume the hearing after a recess (the judge)",
          params: ZRoomParams,
          response: { 200: ZRoomState },
        },
      },
      async (request) => {
        requireUser(request.actor);
        await recessHearing(context, meta(request), request.params.hearingId, isRecess);
        await hub.announceRecess(request.params.hearingId, isRecess);
        return getRoomState(context, request.actor, request.params.hearingId, iceServers);
      },
    );
  }

  // 在线诉讼规则第七条第三款: identity verified again at the door of the hearing.
  app.post(
    "/api/hearings/:hearingId/room/face-check",
    {
      schema: {
        tags,
        summary:
          "Pass the face check before entering a room that requires it (a party or agent; multipart part `file`: " +
          "a JPEG or PNG still from the camera). 422 face_check_mismatch, 503 face_check_unavailable",
        params: ZRoomParams,
        consumes: ["multipart/form-data"],
        response: { 200: ZFaceCheck },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const { file: check } = await readMultipart(
        request,
        { fields: [], file: { field: "file", maxBytes: FACE_IMAGE_MAX_BYTES } },
        {
          onFile: (file) =>
            verifyParticipantFace(context, meta(request), request.params.hearingId, {
              fileName: file.fileName,
              stream: file.stream,
            }),
        },
      );
      return presentFaceCheck(check, false);
    },
  );
  app.get(
    "/api/hearings/:hearingId/room/face-checks/:checkId/image",
    {
      schema: {
        tags,
        summary: "The photo of a face check (the hearing's judge and clerk only: personal data)",
        params: ZFaceCheckParams,
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { hearingId, checkId } = request.params;
      const photo = await openFaceCheckPhoto(context, actor, hearingId, checkId);
      return reply
        .type(photo.mediaType)
        .header("cache-control", "private, no-store")
        .header("content-length", String(photo.size))
        .send(photo.stream);
    },
  );

  app.get(
    "/api/hearings/:hearingId/room/socket",
    {
      websocket: true,
      schema: { hide: true, params: ZRoomParams },
      // Checked before the upgrade, so a refusal is an ordinary JSON error: signed in, from the site's own
      // origin, a participant of this hearing, the room open (在线诉讼规则第二十一条; 互联网法院规定第六条).
      preValidation: async (request) => {
        const actor = requireUser(request.actor);
        if (!isAllowedOrigin(request.headers.origin, context.config.allowedOrigins)) {
          throw new AppError("forbidden", [{ code: "origin_not_allowed", message: "origin not allowed" }]);
        }
        const { hearingId } = request.params;
        const access = await loadRoomFor(context.db, actor, hearingId);
        const identity = assertParticipant(access);
        assertRoomOpen(access);
        const faceCheck = await faceCheckOf(context.db, access, actor.userId);
        entries.set(request, {
          caseId: access.hearing.case_id,
          identity,
          isFaceCheckMissing: !mayEnterAfterFaceCheck(faceCheck.standing),
        });
      },
    },
    (socket, request) => {
      const entry = entries.get(request);
      const roomSocket = socket as unknown as RoomSocket;
      if (!entry) {
        roomSocket.close(1008, "not_authorised");
        return;
      }
      // 在线诉讼规则第七条第三款: a party or agent enters a room requiring it only after a face check.
      if (entry.isFaceCheckMissing) {
        hub.refuseForFaceCheck(roomSocket);
        return;
      }
      const { hearingId } = request.params;
      hub
        .join(roomSocket, {
          hearingId,
          caseId: entry.caseId,
          actor: request.actor,
          identity: entry.identity,
          now: context.clock.now(),
        })
        .catch((error: unknown) => {
          context.log.error({ err: error, hearingId }, "hearing room entry failed");
          roomSocket.close(1011, "entry_failed");
        });
    },
  );
  return hub;
}
