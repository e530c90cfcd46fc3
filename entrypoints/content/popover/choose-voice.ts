/**
 * Which voice "Say it" uses. Only voices the browser says run on this computer
 * (`localService === true`): a network voice would send the term someone is reading about to
 * a speech service, which Termlight never does. No suitable local voice means no button.
 *
 * Pure: takes the browser's voice list, no speech API calls.
 */

/** The parts of SpeechSynthesisVoice the choice looks at. */
export interface VoiceLike {
  lang: string;
  localService: boolean;
  default: boolean;
}

/** "EN_us" and "en-US" are the same language tag; "" is none. */
function tag(lang: string): string {
  return lang.trim().replace(/_/g, '-').toLowerCase();
}

const primary = (t: string) => t.split('-')[0]!;

/**
 * The best local voice for text in `lang` (the card's language: English for Termlight's terms,
 * the page's language for the reader's own terms and page words), else a local English voice,
 * else null. A voice in another language would mangle medical words, so none is better.
 * Within a language: the exact tag first ("en-GB" for "en-GB"), then the browser's default
 * voice, then the list's order.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], lang?: string | null): V | null {
  const local = voices.filter((v) => v.localService === true);
  const wanted = [tag(lang ?? ''), 'en'].filter((t, i, all) => t !== '' && all.indexOf(t) === i);
  for (const want of wanted) {
    const sameLanguage = local.filter((v) => primary(tag(v.lang)) === primary(want));
    if (sameLanguage.length === 0) continue;
    const rank = (v: V) => (tag(v.lang) === want ? 0 : 2) + (v.default ? 0 : 1);
    // A stable sort keeps the browser's order among equals.
    return [...sameLanguage].sort((a, b) => rank(a) - rank(b))[0]!;
  }
  return null;
}
