/** The shell: skip link, named navigation, the current screen, the toast and the update prompt. */
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { ToastOutlet, ToastProvider } from '../ui/toast.tsx';
import { Link, useLocation } from './router.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import { DatabaseReplacedNotice, useDatabaseReplaced } from './database-replaced.tsx';
import { AlertsScreen } from './routes/alerts-screen.tsx';
import { CallDetailScreen } from './routes/call-detail-screen.tsx';
import { CallFormScreen } from './routes/call-form-screen.tsx';
import { CallsScreen } from './routes/calls-screen.tsx';
import { ChecklistScreen } from './routes/checklist-screen.tsx';
import { HomeScreen } from './routes/home-screen.tsx';
import { PersonFormScreen } from './routes/person-form-screen.tsx';
import { PhoneScriptScreen } from './routes/phone-script-screen.tsx';
import { SettingsScreen } from './routes/settings-screen.tsx';
import { IncidentSummaryScreen } from './routes/incident-summary-screen.tsx';

// Cards carry print layouts; the circle carries QR codes and crypto: both load on first visit to their screen.
const CardsScreen = lazy(() => import('./routes/cards-screen.tsx').then((module) => ({ default: module.CardsScreen })));
const CircleScreen = lazy(() => import('./circle/circle-screen.tsx').then((module) => ({ default: module.CircleScreen })));

const NAV: { to: string; label: string }[] = [
  { to: '/', label: 'Home' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/calls', label: 'Calls' },
  { to: '/checklist', label: 'Checklist' },
  { to: '/cards', label: 'Cards' },
  { to: '/circle', label: 'Circle' },
  { to: '/settings', label: 'Settings' },
];

function route(path: string, query: URLSearchParams): { title: string; screen: ReactNode } {
  const parts = path.split('/').filter(Boolean);
  const [first, second, third] = parts;
  switch (first) {
    case undefined:
      return { title: 'Home', screen: <HomeScreen /> };
    case 'people':
      return { title: second === 'new' || !second ? 'Add a person' : 'Edit person', screen: <PersonFormScreen personId={second && second !== 'new' ? second : undefined} /> };
    case 'alerts':
      if (second && third === 'script') return { title: 'Phone script', screen: <PhoneScriptScreen alertId={second} /> };
      return { title: 'Alerts', screen: <AlertsScreen /> };
    case 'calls':
      if (second === 'new') return { title: 'Log a call', screen: <CallFormScreen personId={query.get('person') ?? undefined} /> };
      if (second === 'summary') return { title: 'Incident summary', screen: <IncidentSummaryScreen personId={query.get('person') ?? ''} /> };
      if (second && third === 'edit') return { title: 'Edit call', screen: <CallFormScreen callId={second} /> };
      if (second) return { title: 'Call', screen: <CallDetailScreen callId={second} /> };
      return { title: 'Calls', screen: <CallsScreen /> };
    case 'checklist':
      return { title: 'Checklist', screen: <ChecklistScreen /> };
    case 'cards':
      return { title: 'Cards', screen: <CardsScreen /> };
    case 'circle':
    case 'join':
      return { title: 'Care circle', screen: <CircleScreen /> };
    case 'settings':
      return { title: 'Settings', screen: <SettingsScreen /> };
    default:
      return {
        title: 'Not found',
        screen: (
          <>
            <h1>Page not found</h1>
            <p>
              <Link to="/">Go to Home</Link>
            </p>
          </>
        ),
      };
  }
}

export function App() {
  const { path, query } = useLocation();
  const { title, screen } = route(path, query);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // Nothing can be saved once a newer tab upgraded the database: no screen should let the carer start a change.
  const databaseReplaced = useDatabaseReplaced();

  useEffect(() => {
    document.title = `${title} · Kinwatch`;
    // Move focus to the new screen so keyboard and screen-reader users start at its top, not in the old nav.
    if (firstRender.current) firstRender.current = false;
    else main.current?.focus();
  }, [path, title]);

  const section = `/${path.split('/')[1] ?? ''}`;
  return (
    <ToastProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="brand">Kinwatch</p>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => {
              const current = item.to === section || (item.to === '/circle' && section === '/join') || (item.to === '/' && section === '/people');
              return (
                <li key={item.to}>
                  <Link to={item.to} aria-current={current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      <DatabaseReplacedNotice />
      <ToastOutlet />
      <main id="main" ref={main} tabIndex={-1} inert={databaseReplaced}>
        <Suspense fallback={<p>Loading…</p>}>{screen}</Suspense>
      </main>
    </ToastProvider>
  );
}
