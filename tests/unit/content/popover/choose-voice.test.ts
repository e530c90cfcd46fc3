import { describe, expect, it } from 'vitest';
import { chooseVoice, type VoiceLike } from '../../../../entrypoints/content/popover/choose-voice';

const voice = (name: string, lang: string, localService: boolean, isDefault = false) => ({ name, lang, localService, default: isDefault });

const NETWORK_US = voice('Google US English', 'en-US', false, true);
const NETWORK_FR = voice('Google français', 'fr-FR', false);
const LOCAL_GB = voice('Local British', 'en-GB', true);
const LOCAL_US = voice('Local American', 'en-US', true);
const LOCAL_US_DEFAULT = voice('Local American (default)', 'en_US', true, true);
const LOCAL_FR = voice('Local French', 'fr-FR', true);
const LOCAL_DE = voice('Local German', 'de-DE', true);

const name = (v: VoiceLike | null) => (v as { name?: string } | null)?.name ?? null;

describe('chooseVoice', () => {
  it('never picks a network voice, even the default one in the right language', () => {
    expect(chooseVoice([NETWORK_US, NETWORK_FR], 'en')).toBeNull();
    expect(name(chooseVoice([NETWORK_US, LOCAL_GB], 'en-US'))).toBe('Local British');
  });

  it('picks no voice when there is none (the button is then not shown)', () => {
    expect(chooseVoice([], 'en')).toBeNull();
  });

  it('prefers the exact language of the text, then the browser default, then list order', () => {
    expect(name(chooseVoice([LOCAL_US, LOCAL_GB], 'en-GB'))).toBe('Local British');
    expect(name(chooseVoice([LOCAL_GB, LOCAL_US], 'EN_us'))).toBe('Local American');
    expect(name(chooseVoice([LOCAL_GB, LOCAL_US, LOCAL_US_DEFAULT], 'en'))).toBe('Local American (default)');
    expect(name(chooseVoice([LOCAL_GB, LOCAL_US], 'en'))).toBe('Local British');
  });

  it("says the reader's own words in the page's language when a local voice speaks it", () => {
    expect(name(chooseVoice([LOCAL_US, LOCAL_FR], 'fr'))).toBe('Local French');
    expect(name(chooseVoice([LOCAL_US, LOCAL_FR], 'fr-CA'))).toBe('Local French');
  });

  it('falls back to English, and never to a voice in an unrelated language', () => {
    expect(name(chooseVoice([LOCAL_DE, LOCAL_GB], 'fr'))).toBe('Local British');
    expect(chooseVoice([LOCAL_DE, LOCAL_FR], 'en')).toBeNull();
    expect(name(chooseVoice([LOCAL_DE, LOCAL_US], ''))).toBe('Local American');
    expect(name(chooseVoice([LOCAL_DE, LOCAL_US], undefined))).toBe('Local American');
  });
});
