/**
 * "Say it": speaks a term with a voice that runs on this computer (see choose-voice.ts).
 * `available` is false when there is no such voice, and the button is then not shown.
 *
 * The page shares the speech queue with us, so Termlight only ever cancels speech it started
 * itself: when the popover closes or moves to another term, and before saying a term again.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { chooseVoice } from './choose-voice';

/** A little slower than normal: medical words are long and new. */
const RATE = 0.9;

export interface SayIt {
  available: boolean;
  say(): void;
}

function synthesis(): SpeechSynthesis | null {
  return typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined' ? null : speechSynthesis;
}

export function useSayIt(text: string, lang: string): SayIt {
  const synth = synthesis();
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(() => (synth ? chooseVoice(synth.getVoices(), lang) : null));
  const current = useRef<SpeechSynthesisUtterance | null>(null);

  useEffect(() => {
    if (!synth) return;
    const update = () => setVoice(chooseVoice(synth.getVoices(), lang));
    update();
    // Browsers fill the voice list some time after the first call, and say so with this event.
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth, lang]);

  const stop = useCallback(() => {
    if (current.current && synth) synth.cancel();
    current.current = null;
  }, [synth]);

  // A layout effect: its cleanup runs as the popover closes (a passive one waits for the next paint).
  useLayoutEffect(() => stop, [text, stop]);

  const say = useCallback(() => {
    if (!synth || !voice) return;
    stop();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = RATE;
    utterance.onend = utterance.onerror = () => {
      if (current.current === utterance) current.current = null;
    };
    current.current = utterance;
    synth.speak(utterance);
  }, [synth, voice, text, stop]);

  return { available: voice !== null, say };
}
