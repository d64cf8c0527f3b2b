import type { ErrorDefinition } from "./types";

/** Errors of service and the platform inbox. */
export const deliveryErrors = {
  /** No such message in the caller's inbox. */
  message_not_found: { status: 404, zh: "消息不存在", en: "Message not found" },
} as const satisfies Record<string, ErrorDefinition>;
