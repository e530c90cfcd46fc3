import { render } from 'preact';
import { App } from './App';
import { localizePage } from '../../utils/i18n';
import '../../components/page-base.css';
import '../../components/page-layout.css';
import './style.css';

localizePage('optionsPageTitle');
render(<App />, document.getElementById('app')!);
