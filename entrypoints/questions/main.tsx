import { render } from 'preact';
import { App } from './App';
import { localizePage } from '../../utils/i18n';
import '../../components/page-base.css';
import './style.css';

localizePage('commonQuestionsHeading');
render(<App printOnOpen={new URLSearchParams(location.search).has('print')} />, document.getElementById('app')!);
