/** A small, fixed glossary for popup and term card tests (the shipped one changes). */
import type { Glossary } from '../../../glossary/types';

export const fixtureGlossary: Glossary = {
  source: { title: 'Immunotherapy for Stage 4 Cervical Cancer', file: 'glossary/sources/immunotherapy-stage-4-cervical-cancer.txt' },
  entries: [
    {
      id: 'immunotherapy',
      term: 'Immunotherapy',
      aliases: ['immunotherapy', 'immuno-oncology'],
      category: 'immune-system',
      definition: 'A treatment that helps your own immune system find and fight cancer.',
      related: ['pd-l1', 'checkpoint-inhibitor'],
      passages: ['Immunotherapy offers a paradigm shift in the management of stage 4 cervical cancer.'],
      checkedAgainst: ['NCI Dictionary of Cancer Terms'],
      reviewed: '2026-12-01',
    },
    {
      id: 'pd-l1',
      term: 'PD-L1',
      expansion: 'programmed death-ligand 1',
      aliases: ['PD-L1', 'programmed death-ligand 1'],
      category: 'biomarkers',
      definition: 'A protein on some cells that tells immune cells to stand down. Some cancers use it to hide.',
      related: ['immunotherapy'],
      passages: ['Checkpoint inhibitors, such as those targeting PD-1 and its ligand PD-L1, have emerged as promising agents.'],
      checkedAgainst: ['NCI Dictionary of Cancer Terms'],
      reviewed: '2026-12-01',
    },
    {
      id: 'checkpoint-inhibitor',
      term: 'Checkpoint inhibitor',
      aliases: ['checkpoint inhibitor'],
      category: 'immune-system',
      definition: 'A medicine that takes the brakes off immune cells so they can attack cancer.',
      related: ['pd-l1'],
      passages: [],
      checkedAgainst: ['NCI Dictionary of Cancer Terms'],
      reviewed: '2026-12-01',
    },
    {
      id: 'fatigue',
      term: 'Fatigue',
      aliases: ['fatigue'],
      category: 'side-effects',
      definition: 'Feeling very tired, in a way that rest does not fix.',
      related: [],
      passages: [],
      checkedAgainst: ['NCI Dictionary of Cancer Terms'],
      reviewed: '2026-12-01',
    },
  ],
};
