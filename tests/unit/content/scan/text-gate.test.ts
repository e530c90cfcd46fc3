// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mayHoldTerms, whenTermsMayBeHere } from '../../../../entrypoints/content/scan/text-gate';

const test = (text: string) => /\bchemotherapy\b/.test(text);
const live = () => new AbortController().signal;

describe('the text gate (the first stage: does this frame need the reader?)', () => {
  it('says yes for readable text that passes the test, no for text that does not or is not read', async () => {
    document.body.innerHTML = '<p>Nothing much to read here.</p><script>chemotherapy</script><pre>chemotherapy</pre>';
    expect(await mayHoldTerms([document.body], test, live())).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>It is <b>chemotherapy</b> day.</p>');
    expect(await mayHoldTerms([document.body], test, live())).toBe(true);
  });

  it('reads a text node given itself, an element, the document or a fragment, and nothing else', async () => {
    document.body.innerHTML = '<p>chemotherapy</p>';
    const text = document.querySelector('p')!.firstChild!;
    for (const root of [text, document.querySelector('p')!, document, document.body]) expect(await mayHoldTerms([root], test, live())).toBe(true);
    const fragment = document.createDocumentFragment();
    fragment.append(document.createElement('p'));
    fragment.firstChild!.textContent = 'chemotherapy';
    expect(await mayHoldTerms([fragment], test, live())).toBe(true);
    expect(await mayHoldTerms([document.createComment('chemotherapy')], test, live())).toBe(false);
  });

  it('says yes for an open shadow root (its text changes out of sight), not for a closed one', async () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'closed' });
    expect(await mayHoldTerms([document.body], test, live())).toBe(false);
    document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
    expect(await mayHoldTerms([document.body], test, live())).toBe(true);
  });

  it('gives up (no) once aborted', async () => {
    document.body.innerHTML = '<p>chemotherapy</p>';
    const stop = new AbortController();
    stop.abort();
    expect(await mayHoldTerms([document.body], test, stop.signal)).toBe(false);
  });

  it('reads a long page in slices and still finds the term at its end', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>line ${i}</p>`).join('') + '<p>chemotherapy</p>';
    let tested = 0;
    const slow = (text: string) => {
      tested++;
      const until = performance.now() + 0.01;
      while (performance.now() < until);
      return test(text);
    };
    expect(await mayHoldTerms([document.body], slow, live())).toBe(true);
    expect(tested).toBe(3001);
  });

  it('waits for text added later, and answers yes when it may hold a term', async () => {
    document.body.innerHTML = '<p>Nothing much to read here.</p>';
    const answer = whenTermsMayBeHere(document, test, live());
    await new Promise((resolve) => setTimeout(resolve, 10));
    document.body.insertAdjacentHTML('beforeend', '<p>Your chemotherapy starts Monday.</p>');
    expect(await answer).toBe(true);
  });
});
