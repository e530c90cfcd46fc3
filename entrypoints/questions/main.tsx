import { render } from 'preact';
import { App } from './App';
import '../../components/page-base.css';
import './style.css';

render(<App printOnOpen={new URLSearchParams(location.search).has('print')} />, document.getElementById('app')!);
