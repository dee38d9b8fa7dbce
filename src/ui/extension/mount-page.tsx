import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { browserPageDeps } from './browser-page-deps.ts';
import type { PageDeps } from './page-deps.ts';
import './extension.css';

/** Renders an extension page into #root with the real browser behind it. */
export function mountPage(Page: ComponentType<{ deps: PageDeps }>): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <Page deps={browserPageDeps()} />
    </StrictMode>,
  );
}
