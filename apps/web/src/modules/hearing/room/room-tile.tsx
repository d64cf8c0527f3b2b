import { AudioMutedOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useEffect, useRef, useState } from "react";

/** One participant's video with their role and name. */
export function RoomTile(props: {
  participantId: string;
  stream: MediaStream | null;
  role: string;
  label: string;
  isSelf: boolean;
  isMuted: boolean;
  mutedLabel: string;
  /** Label of the button that starts a picture the browser would not play on its own. */
  playLabel: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [isBlocked, setBlocked] = useState(false);
  useEffect(() => {
    const element = video.current;
    if (!element || element.srcObject === props.stream) return;
    element.srcObject = props.stream;
    // A browser may refuse to play sound before the page was touched: the participant starts it.
    if (props.stream)
      element.play().then(
        () => setBlocked(false),
        () => setBlocked(true),
      );
  }, [props.stream]);
  return (
    <figure className="nc-room-tile" data-testid="room-tile" data-participant-id={props.participantId}>
      <video
        ref={video}
        data-participant-id={props.participantId}
        autoPlay
        playsInline
        muted={props.isSelf}
        aria-label={`${props.role} ${props.label}`}
      />
      {isBlocked ? (
        <Button
          className="nc-room-tile-play"
          type="primary"
          onClick={() => void video.current?.play().then(() => setBlocked(false))}
        >
          {props.playLabel}
        </Button>
      ) : null}
      <figcaption>
        <span className="nc-room-tile-role">{props.role}</span> {props.label}
        {props.isMuted ? (
          <AudioMutedOutlined aria-label={props.mutedLabel} style={{ marginInlineStart: 6 }} />
        ) : null}
      </figcaption>
    </figure>
  );
}
