import { render } from 'preact';
import { t } from '../../utils/i18n';
import { App } from './App';
import '../../components/page-base.css';
import './style.css';

document.title = t('policyPageTitle');
render(<App />, document.getElementById('app')!);
