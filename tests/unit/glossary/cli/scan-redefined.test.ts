/**
 * A page's own definition of an abbreviation wins over our glossary's other sense: "call the Symptom
 * Care Clinic (SCC)" makes the page's "SCC"s the clinic, so scanText (what `glossary scan` and the
 * evaluations run) marks none of them as squamous cell carcinoma, as the extension does
 * (glossary/abbreviations/redefined.ts; the content script marks them with the page's words).
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../../glossary/cli/commands';

const ids = (text: string) => scanText(text).map((m) => `${m.text}→${m.id}`);

describe('scanText: short forms the page gives another meaning', () => {
  it('marks no glossary card for a short form the page defines otherwise, before or after the definition', () => {
    const text = 'The SCC can help. If you have a fever, call the Symptom Care Clinic (SCC) at 212-639-2000. The SCC is open 24 hours a day.';
    expect(ids(text).filter((m) => m.startsWith('SCC'))).toEqual([]);
    // The reversed form "SF (long form)" too.
    expect(ids('Ring SCC (Symptom Care Clinic) first. The SCC is open all night.').filter((m) => m.startsWith('SCC'))).toEqual([]);
  });

  it('keeps our card where the page means our sense', () => {
    const text = 'Squamous cell carcinoma (SCC) is the most common type. Most SCC tumors start in the transformation zone.';
    expect(ids(text).filter((m) => m.startsWith('SCC'))).toEqual(['SCC→squamous-cell-carcinoma', 'SCC→squamous-cell-carcinoma']);
    // Worded differently but our sense ("squamous cell cancer").
    expect(ids('Squamous cell cancer (SCC) is common. SCC grows slowly.').filter((m) => m.startsWith('SCC'))).toEqual([
      'SCC→squamous-cell-carcinoma',
      'SCC→squamous-cell-carcinoma',
    ]);
  });

  // Session 22: the spelled-out names were no aliases of hpv-16-and-18, so the page's long form read
  // as another sense (only hpv matched it) and every HPV16 on the page lost the card.
  it('keeps the HPV 16 and 18 card where the page spells the type out ("Human papillomavirus 16 (HPV16)")', () => {
    for (const [text, short] of [
      ['Human papillomavirus 16 (HPV16) causes most cervical cancers. HPV16 is common.', 'HPV16'],
      ['Human papillomavirus type 16 (HPV-16) is a high-risk type. HPV-16 can last for years.', 'HPV-16'],
      ['Human papillomavirus 18 (HPV18) is the second. HPV18 causes adenocarcinoma.', 'HPV18'],
    ] as const) {
      expect(ids(text).filter((m) => m.startsWith(short)), text).toEqual([`${short}→hpv-16-and-18`, `${short}→hpv-16-and-18`]);
      expect(ids(text)[0], text).toMatch(/^Human papillomavirus (?:type )?1[68]→hpv-16-and-18$/);
    }
    expect(ids('Human papillomavirus types 16 and 18 cause most cervical cancers.')).toContain('Human papillomavirus types 16 and 18→hpv-16-and-18');
  });

  it('marks nothing where the page uses the short form in both senses, but keeps the long form', () => {
    const text = 'Squamous cell carcinoma (SCC) is common. Call the Symptom Care Clinic (SCC) with questions. The SCC helps.';
    const found = ids(text);
    expect(found.filter((m) => m.startsWith('SCC'))).toEqual([]);
    expect(found).toContain('Squamous cell carcinoma→squamous-cell-carcinoma');
  });

  it('changes nothing on a page that defines nothing', () => {
    expect(ids('Most SCC tumors start in the transformation zone.')).toContain('SCC→squamous-cell-carcinoma');
  });
});
