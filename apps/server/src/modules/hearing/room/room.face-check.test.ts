import { describe, expect, it } from "vitest";
import {
  faceCheckStanding,
  mayEnterAfterFaceCheck,
  type FaceCheckStanding,
  type RoomRole,
} from "./room.rules";
import type { FaceCheckResultValue } from "./room.tables";

describe("the face check at the hearing room's door (在线诉讼规则第七条第三款)", () => {
  const table: Array<[RoomRole, boolean, FaceCheckResultValue | null, boolean, FaceCheckStanding, boolean]> =
    [
      // role, required, latest result, can be checked → standing, may enter
      ["party", false, null, true, "not_required", true],
      ["judge", true, null, true, "not_required", true],
      ["clerk", true, null, false, "not_required", true],
      ["party", true, null, true, "needed", false],
      ["agent", true, null, true, "needed", false],
      ["party", true, "mismatch", true, "failed", false],
      ["party", true, "match", true, "passed", true],
      ["agent", true, "error", true, "by_sight", true],
      ["agent", true, null, false, "by_sight", true],
    ];
  it.each(table)(
    "a %s (required: %s, latest: %s, checkable: %s) stands %s",
    (role, isRequired, lastResult, canBeChecked, standing, mayEnter) => {
      const found = faceCheckStanding({ role, isRequired, lastResult, canBeChecked });
      expect(found).toBe(standing);
      expect(mayEnterAfterFaceCheck(found)).toBe(mayEnter);
    },
  );
});
