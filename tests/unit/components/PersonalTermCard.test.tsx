// @vitest-environment happy-dom
import { render } from 'preact';
import { expect, it } from 'vitest';
import { PersonalTermCard } from '../../../components/PersonalTermCard';
import { personalToDisplayEntry } from '../../../utils/storage/personal-glossary';
import { container, mountEachTest } from '../support/mount';

const PORT = personalToDisplayEntry({
  id: 'personal-port-1',
  term: 'Port',
  aliases: ['chest port', 'portacath'],
  definition: 'A small device under the skin.\nMedicine goes in through it.',
  note: 'Ask the nurse to flush it.',
  updatedAt: 1,
});

mountEachTest();

it('shows the term labelled "Personal", the explanation, the note and who wrote it', () => {
  render(<PersonalTermCard entry={PORT} />, container);
  const card = container.querySelector('article.tl-card')!;
  expect(card.getAttribute('aria-label')).toBe('Port');
  expect(card.querySelector('h2')?.textContent).toBe('Port');
  expect(card.querySelector('.tl-card-expansion')?.textContent).toBe('Also: chest port, portacath');
  expect(card.querySelector('.tl-card-category')?.textContent).toBe('Category: Personal');
  expect(card.querySelector('.tl-card-definition')?.textContent).toBe(PORT.definition);
  expect(card.querySelector('h3')?.textContent).toBe('Your note');
  expect(card.querySelector('.tl-personal-note')?.textContent).toBe('Ask the nurse to flush it.');
  expect(card.querySelector('footer')?.textContent).toBe(
    'You or your care team wrote this explanation. Termlight has not checked it. ' +
      'General information, not medical advice. Ask your care team about your own care.',
  );
  expect(card.querySelector('blockquote')).toBeNull();
});

it('leaves out what a term does not have, and fits the heading level', () => {
  const bare = { ...PORT, aliases: [], note: undefined };
  render(
    <PersonalTermCard entry={bare} headingLevel={3}>
      <p class="extra">On this page: 2 times</p>
    </PersonalTermCard>,
    container,
  );
  expect(container.querySelector('h3')?.textContent).toBe('Port');
  expect(container.querySelector('.tl-card-expansion')).toBeNull();
  expect(container.querySelector('.tl-personal-note')).toBeNull();
  expect(container.querySelector('.extra')?.textContent).toBe('On this page: 2 times');
});

it('renders text as text, never as markup', () => {
  render(<PersonalTermCard entry={{ ...PORT, definition: '<img src=x onerror=alert(1)>' }} />, container);
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('.tl-card-definition')?.textContent).toBe('<img src=x onerror=alert(1)>');
});
