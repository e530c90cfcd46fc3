/**
 * Stand-ins for glossary/index.ts and glossary/match-data.ts built on the fixture glossary, so
 * UI tests do not depend on the shipped data (which others keep editing). vi.mock must be
 * written in the test file itself (it is hoisted); it takes these as its factories:
 *
 *   vi.mock('…/glossary/index', () => import('…/support/glossary-mock').then((m) => m.glossaryIndexModule()));
 *   vi.mock('…/glossary/match-data', () => import('…/support/glossary-mock').then((m) => m.matchDataModule()));
 */
import { fixtureGlossary } from './glossary-fixture';

const byId = () => new Map(fixtureGlossary.entries.map((e) => [e.id, e]));

export function glossaryIndexModule() {
  const entries = byId();
  return { glossary: fixtureGlossary, getEntry: (id: string) => entries.get(id) };
}

export function matchDataModule() {
  const entries = byId();
  return { matchData: fixtureGlossary, matchEntry: (id: string) => entries.get(id) };
}
