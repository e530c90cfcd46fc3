/**
 * The privacy policy inside the extension (linked from the options page footer): the extension
 * cannot link to a website it does not know, and the policy should be readable offline. The text is
 * PRIVACY.md itself, bundled at build time.
 */
import policy from '../../PRIVACY.md?raw';
import { t } from '../../utils/i18n';
import { policyBlocks } from './policy-blocks';

export function App() {
  return (
    <div class="tl-sheet tl-policy">
      <main>
        {policyBlocks(policy).map((block, i) => {
          switch (block.kind) {
            case 'title':
              return <h1 key={i}>{block.text}</h1>;
            case 'heading':
              return <h2 key={i}>{block.text}</h2>;
            case 'paragraph':
              return <p key={i}>{block.text}</p>;
            case 'list':
              return (
                <ul key={i}>
                  {block.items.map((item, j) => (
                    <li key={j}>{item}</li>
                  ))}
                </ul>
              );
          }
        })}
      </main>
      <footer class="tl-policy-footer">
        <a href="options.html">{t('policyBackToSettings')}</a>
      </footer>
    </div>
  );
}
