/** "Listen": reads the key facts aloud with the browser's own speech in the reader's
 * language, for parents who read little. Hidden when the browser has no voice for it. */
import { useEffect, useState } from "preact/hooks";
import { language, t } from "../i18n";

function voiceFor(tag: string): SpeechSynthesisVoice | undefined {
  const synth = window.speechSynthesis;
  if (!synth) return undefined;
  const base = tag.split("-")[0].toLowerCase();
  const voices = synth.getVoices();
  const wanted = tag.toLowerCase() === "zh-hans" ? ["zh-cn", "zh-hans", "zh-sg"] : [tag.toLowerCase()];
  return (
    voices.find((voice) => wanted.includes(voice.lang.toLowerCase())) ??
    voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === base)
  );
}

/** A speaker drawn inline (an emoji would show as a box without an emoji font). */
function SpeakerIcon() {
  return (
    <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <path fill="currentColor" d="M3 9v6h4l5 4.5V4.5L7 9H3z" />
      <path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />
    </svg>
  );
}

export function Listen({ text }: { text: string }) {
  const tag = language().tag;
  const [voice, setVoice] = useState(() => voiceFor(tag));
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    const synth = window.speechSynthesis;
    if (!synth) return;
    const update = () => setVoice(voiceFor(tag));
    synth.addEventListener?.("voiceschanged", update);
    update();
    return () => {
      synth.removeEventListener?.("voiceschanged", update);
      synth.cancel();
    };
  }, [tag]);
  if (!voice) return null;
  const toggle = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  return (
    <button type="button" class="listen" onClick={toggle} aria-pressed={speaking}>
      <SpeakerIcon />
      {speaking ? t("listen.stop") : t("listen.start")}
    </button>
  );
}
