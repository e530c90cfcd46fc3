/**
 * How a glossary category is named on a card, in the reader's language. The glossary keeps only
 * the category's id: its name is UI text, translated with the rest of the UI in messages.json.
 */
import type { Category } from '../glossary/types';
import { t, type MessageId } from './i18n';

const CATEGORY_MESSAGES: Record<Category, MessageId> = {
  'disease-and-staging': 'categoryDiseaseAndStaging',
  'outcomes-and-statistics': 'categoryOutcomesAndStatistics',
  body: 'categoryBody',
  'tests-and-scans': 'categoryTestsAndScans',
  biomarkers: 'categoryBiomarkers',
  'surgery-and-procedures': 'categorySurgeryAndProcedures',
  radiation: 'categoryRadiation',
  'cancer-drugs': 'categoryCancerDrugs',
  'immune-system': 'categoryImmuneSystem',
  'treatment-approaches': 'categoryTreatmentApproaches',
  'supportive-medicines': 'categorySupportiveMedicines',
  'side-effects': 'categorySideEffects',
  'immune-side-effects': 'categoryImmuneSideEffects',
  'long-term-effects': 'categoryLongTermEffects',
  research: 'categoryResearch',
  'care-team-and-settings': 'categoryCareTeamAndSettings',
};

/** The category's name; an id this version does not know (newer data) is shown as it is. */
export function categoryLabel(category: string): string {
  const id = (CATEGORY_MESSAGES as Record<string, MessageId | undefined>)[category];
  return id ? t(id) : category;
}
