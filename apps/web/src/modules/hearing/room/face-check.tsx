import { CameraOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Flex, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { ApiError } from "../../../platform/api-client";
import { useAct } from "../../../platform/use-act";
import { formatDateTime } from "../../cases/cases.format";
import { roomApi, type RoomState } from "./room.api";

type Outcome = "passed" | "failed" | "unavailable" | "no_verified_id";

/** What the answer to a photo means for the participant. */
function outcomeOf(error: unknown): Outcome | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "face_check_mismatch") return "failed";
  if (error.code === "face_check_unavailable") return "unavailable";
  if (error.code === "face_check_no_verified_id") return "no_verified_id";
  return null;
}

/** One still of the camera's picture as a JPEG. */
function still(video: HTMLVideoElement): Promise<Blob | null> {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth || 640;
  canvas.height = video.videoHeight || 480;
  canvas.getContext("2d")?.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
}

/**
 * The identity check before the waiting room (在线诉讼规则第七条第三款): the participant's camera picture, a
 * button that takes the photo and sends it, and the answer — passed, a retry after a mismatch, or the
 * judge's check in person when the service cannot decide.
 */
export function FaceCheckStep({ room, onDone }: { room: RoomState; onDone: () => void }) {
  const { t } = useTranslation("hearingRoom");
  const videoRef = useRef<HTMLVideoElement>(null);
  const [hasCamera, setHasCamera] = useState<boolean | null>(null);
  const [isChecking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(
    room.faceCheck.standing === "failed" ? "failed" : null,
  );
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    if (!navigator.mediaDevices?.getUserMedia) {
      setHasCamera(false);
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } } })
      .then(
        (granted) => {
          if (stopped) {
            for (const track of granted.getTracks()) track.stop();
            return;
          }
          stream = granted;
          if (videoRef.current) videoRef.current.srcObject = granted;
          setHasCamera(true);
        },
        () => setHasCamera(false),
      );
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const take = async () => {
    const video = videoRef.current;
    if (!video) return;
    setChecking(true);
    setError(null);
    try {
      const photo = await still(video);
      if (!photo) throw new Error("no photo");
      await roomApi.faceCheck(room.hearingId, photo, "face-check.jpg");
      setOutcome("passed");
    } catch (failure) {
      const known = outcomeOf(failure);
      setOutcome(known);
      if (!known) setError(failure);
    } finally {
      setChecking(false);
    }
  };

  const mayContinue = outcome === "passed" || outcome === "unavailable" || outcome === "no_verified_id";
  const notice = {
    passed: { type: "success" as const, title: t("faceCheck.passed"), text: t("faceCheck.passedHint") },
    failed: { type: "error" as const, title: t("faceCheck.failed"), text: t("faceCheck.failedHint") },
    unavailable: {
      type: "warning" as const,
      title: t("faceCheck.unavailable"),
      text: t("faceCheck.unavailableHint"),
    },
    no_verified_id: {
      type: "warning" as const,
      title: t("faceCheck.noVerifiedId"),
      text: t("faceCheck.noVerifiedIdHint"),
    },
  };

  return (
    <Page title={t("faceCheck.title")} intro={formatDateTime(room.startsAt)} width="narrow">
      <Flex vertical gap="middle" data-testid="room-face-check">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t("faceCheck.intro")}</Typography.Paragraph>
        {hasCamera === false ? <Alert type="warning" showIcon title={t("faceCheck.noCamera")} /> : null}
        <video
          ref={videoRef}
          className="nc-face-check-preview"
          autoPlay
          playsInline
          muted
          aria-label={t("faceCheck.preview")}
          data-testid="room-face-check-preview"
        />
        <div role="status" aria-live="polite">
          {outcome ? (
            <Alert
              type={notice[outcome].type}
              showIcon
              title={notice[outcome].title}
              description={notice[outcome].text}
              data-testid="room-face-check-result"
              data-outcome={outcome}
            />
          ) : null}
        </div>
        <ErrorAlert error={error} />
        <Flex gap="small" wrap>
          {mayContinue ? (
            <Button type="primary" size="large" onClick={onDone} data-testid="room-face-check-continue">
              {t("faceCheck.continue")}
            </Button>
          ) : (
            <Button
              type="primary"
              size="large"
              icon={<CameraOutlined />}
              loading={isChecking}
              disabled={hasCamera !== true}
              onClick={() => void take()}
              data-testid="room-face-check-take"
            >
              {isChecking
                ? t("faceCheck.checking")
                : outcome === "failed"
                  ? t("faceCheck.retake")
                  : t("faceCheck.take")}
            </Button>
          )}
        </Flex>
      </Flex>
    </Page>
  );
}

/** The judge's or the clerk's control that opens the room, choosing whether to require the face check. */
export function OpenRoomControl({ hearingId, onOpened }: { hearingId: string; onOpened: () => void }) {
  const { t } = useTranslation("hearingRoom");
  const { run, busy } = useAct(onOpened);
  const [requiresFaceCheck, setRequiresFaceCheck] = useState(false);
  return (
    <Flex vertical gap="small" align="center">
      <Checkbox
        checked={requiresFaceCheck}
        onChange={(event) => setRequiresFaceCheck(event.target.checked)}
        data-testid="room-require-face-check"
      >
        {t("faceCheck.require")}
      </Checkbox>
      <Typography.Text type="secondary">{t("faceCheck.requireHint")}</Typography.Text>
      <Button
        type="primary"
        loading={busy === "open"}
        onClick={() =>
          void run("open", () => roomApi.open(hearingId, { requiresFaceCheck }), t("court.openDone"))
        }
      >
        {t("openRoom")}
      </Button>
    </Flex>
  );
}
