import { render } from 'preact';
import { localizePage } from '../../utils/i18n';
import { App } from './App';
import { startDemo, type Demo } from './demo-session';
import '../../components/page-base.css';
import '../../components/page-layout.css';
import './style.css';

localizePage('welcomePageTitle');
let demo: Promise<Demo> | undefined;
render(<App onExplainFirst={() => void demo?.then((d) => d.explainFirstInExample())} />, document.getElementById('app')!);
// After the page is drawn, so the first scan finds the example's text.
demo = startDemo();
