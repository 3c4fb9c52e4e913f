/** Reading a pass's QR code: with the camera (getUserMedia), or from a picture of the pass
 * (a photo, a screenshot sent by text message; also the way in when the camera is refused).
 * Both go through the same decode(). */
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";
import { decode, decodeFile } from "./scan";

const FRAME_MS = 250;

export function Scanner({ onText }: { onText: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [camera, setCamera] = useState<"off" | "starting" | "on">("off");
  const [problem, setProblem] = useState("");
  const last = useRef({ text: "", at: 0 });
  const handler = useRef(onText);
  handler.current = onText;

  // The same code held in front of the camera is read once, not four times a second.
  const found = (text: string) => {
    const now = Date.now();
    if (text === last.current.text && now - last.current.at < 5000) return;
    last.current = { text, at: now };
    handler.current(text);
  };

  const stop = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setCamera("off");
  };
  useEffect(() => stop, []);

  useEffect(() => {
    if (camera !== "on") return;
    let running = true;
    let timer = 0;
    const tick = async () => {
      const element = video.current;
      if (!running) return;
      if (element && element.readyState >= 2) {
        try {
          const text = await decode(element, element.videoWidth, element.videoHeight);
          if (text) found(text);
        } catch {
          // A frame that could not be read: try the next one.
        }
      }
      if (running) timer = window.setTimeout(tick, FRAME_MS);
    };
    void tick();
    return () => {
      running = false;
      window.clearTimeout(timer);
    };
  }, [camera]);

  const start = async () => {
    setProblem("");
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(t("door.camera_missing"));
      return;
    }
    setCamera("starting");
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      stream.current = media;
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play().catch(() => undefined);
      }
      setCamera("on");
    } catch {
      setCamera("off");
      setProblem(t("door.camera_refused"));
    }
  };

  const fromFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    setProblem("");
    try {
      const text = await decodeFile(file);
      if (text) {
        last.current = { text: "", at: 0 };
        handler.current(text);
      } else setProblem(t("door.no_qr"));
    } catch {
      setProblem(t("door.no_qr"));
    }
  };

  return (
    <section aria-labelledby="door-scan-heading" class="door-scan">
      <h2 id="door-scan-heading">{t("door.scan_heading")}</h2>
      <div class="actions">
        {camera === "off" ? (
          <button type="button" class="secondary" onClick={() => void start()}>
            {t("door.camera_start")}
          </button>
        ) : (
          <button type="button" class="secondary" onClick={stop}>
            {t("door.camera_stop")}
          </button>
        )}
        <input
          id="door-picture"
          class="visually-hidden"
          type="file"
          accept="image/*"
          onChange={(e) => void fromFile(e.currentTarget)}
        />
        <label class="button secondary file-button" for="door-picture">
          {t("door.picture")}
        </label>
      </div>
      <video ref={video} class={camera === "off" ? "door-video hidden" : "door-video"} muted playsInline aria-label={t("door.camera_view")} />
      {problem && (
        <p class="notice warning" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
