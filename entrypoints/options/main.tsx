import { render } from 'preact';
import { App } from './App';
import '../../components/page-base.css';
import '../../components/page-layout.css';
import './style.css';

render(<App />, document.getElementById('app')!);
