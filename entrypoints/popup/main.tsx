import { render } from 'preact';
import { App } from './App';
import { localizePage } from '../../utils/i18n';
import '../../components/page-base.css';
import './style.css';

localizePage('extName');
render(<App />, document.getElementById('app')!);
