import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { db, repository } from './app-data.ts';
import { startPostcodeRecheck } from './postcode-check.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html: #root is missing');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The care circle's sync loop starts with the app (it does nothing until this device joins a circle); it loads
// apart from the first screen to keep that light.
void import('./sync/circle-sync.ts').then(({ appCircleSync }) => appCircleSync(db, repository));

// People saved while the postcode service was out of reach are checked as soon as it can be reached.
startPostcodeRecheck();
