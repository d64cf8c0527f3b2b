import { Alert, Button, Flex, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** The longest statement one recording may hold; the server's upload limit bounds the file as well. */
const MAX_SECONDS = 600;

function recorderType(): string {
  for (const type of ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"])
    if (typeof MediaRecorder !== "undefined" && MediaRecorder.isTypeSupported(type)) return type;
  return "";
}

/**
 * Records the party's video statement in the browser (在线诉讼规则第二十条第二款: 按照庭审程序环节分别录制参与
 * 庭审视频并上传至诉讼平台): camera and microphone, a live preview, stop, play back, record again or keep.
 * `onChange` receives the recording to send with the answer, or null once it is discarded.
 */
export function VideoStatement({ onChange }: { onChange: (video: Blob | null) => void }) {
  const { t } = useTranslation("asyncTrial");
  const preview = useRef<HTMLVideoElement>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<"idle" | "recording" | "recorded">("idle");
  const [seconds, setSeconds] = useState(0);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const stopStream = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  useEffect(
    () => () => {
      if (recorder.current?.state === "recording") recorder.current.stop();
      stopStream();
    },
    [],
  );
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  useEffect(() => {
    if (state !== "recording") return;
    const timer = setInterval(
      () =>
        setSeconds((s) => {
          if (s + 1 >= MAX_SECONDS) recorder.current?.stop();
          return s + 1;
        }),
      1000,
    );
    return () => clearInterval(timer);
  }, [state]);

  const start = async () => {
    setFailed(false);
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      stream.current = media;
      if (preview.current) {
        preview.current.srcObject = media;
        preview.current.muted = true;
        void preview.current.play().catch(() => undefined);
      }
      const type = recorderType();
      const chunks: Blob[] = [];
      const rec = new MediaRecorder(media, type ? { mimeType: type } : undefined);
      rec.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
      rec.onstop = () => {
        stopStream();
        const blob = new Blob(chunks, { type: rec.mimeType || "video/webm" });
        if (preview.current) preview.current.srcObject = null;
        setUrl(URL.createObjectURL(blob));
        setState("recorded");
        onChange(blob);
      };
      recorder.current = rec;
      rec.start(1000);
      setSeconds(0);
      setState("recording");
    } catch {
      stopStream();
      setFailed(true);
    }
  };

  const discard = () => {
    setUrl(null);
    setState("idle");
    onChange(null);
  };

  return (
    <Flex vertical gap="small" data-testid="video-statement">
      <Typography.Text type="secondary">{t("video.hint")}</Typography.Text>
      {failed ? <Alert type="error" showIcon title={t("video.noCamera")} /> : null}
      <video
        ref={preview}
        className="nc-async-video"
        playsInline
        controls={state === "recorded"}
        src={state === "recorded" && url ? url : undefined}
        hidden={state === "idle"}
        aria-label={t("video.preview")}
      />
      <Flex wrap gap="small" align="center">
        {state === "idle" ? <Button onClick={() => void start()}>{t("video.record")}</Button> : null}
        {state === "recording" ? (
          <>
            <Button danger onClick={() => recorder.current?.stop()}>
              {t("video.stop")}
            </Button>
            <Typography.Text role="status">{t("video.recording", { s: seconds })}</Typography.Text>
          </>
        ) : null}
        {state === "recorded" ? (
          <>
            <Typography.Text role="status">{t("video.recorded", { s: seconds })}</Typography.Text>
            <Button onClick={discard}>{t("video.discard")}</Button>
          </>
        ) : null}
      </Flex>
    </Flex>
  );
}
