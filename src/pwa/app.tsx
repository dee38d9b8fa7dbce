/** The shell: skip link, named navigation, the current screen, the toast and the update prompt. */
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { ToastOutlet, ToastProvider } from '../ui/toast.tsx';
import { matchRoute, useLocation, useRouter, useSearch, type StringRouteParams } from 'wouter';
import { AppHeader } from './app-header.tsx';
import { Link } from './router.tsx';
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

/** One screen of the app: its path (with typed `:params`), its title and what it shows. */
interface AppRoute<P extends string> {
  path: P;
  title: string;
  render: (params: StringRouteParams<P>, query: URLSearchParams) => ReactNode;
}

/** A path parameter as the id it encodes: alert ids hold ":" ("<person id>:<spate id>"), which the router leaves encoded. */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Checks a route's params against its path at the definition, then keeps it in the table. */
const route = <P extends string>(definition: AppRoute<P>): AppRoute<string> => definition as unknown as AppRoute<string>;

const ROUTES: readonly AppRoute<string>[] = [
  route({ path: '/', title: 'Home', render: () => <HomeScreen /> }),
  route({ path: '/people/new', title: 'Add a person', render: () => <PersonFormScreen /> }),
  route({ path: '/people', title: 'Add a person', render: () => <PersonFormScreen /> }),
  route({ path: '/people/:personId', title: 'Edit person', render: ({ personId }) => <PersonFormScreen personId={personId} /> }),
  route({ path: '/alerts', title: 'Alerts', render: () => <AlertsScreen /> }),
  route({ path: '/alerts/:alertId/script', title: 'Phone script', render: ({ alertId }) => <PhoneScriptScreen alertId={decodeParam(alertId)} /> }),
  // What a notification opens: that alert, brought into view and focused.
  route({ path: '/alerts/:alertId', title: 'Alerts', render: ({ alertId }) => <AlertsScreen focusAlertId={decodeParam(alertId)} /> }),
  route({ path: '/calls', title: 'Calls', render: () => <CallsScreen /> }),
  route({ path: '/calls/new', title: 'Log a call', render: (_, query) => <CallFormScreen personId={query.get('person') ?? undefined} /> }),
  route({ path: '/calls/summary', title: 'Incident summary', render: (_, query) => <IncidentSummaryScreen personId={query.get('person') ?? ''} /> }),
  route({ path: '/calls/:callId/edit', title: 'Edit call', render: ({ callId }) => <CallFormScreen callId={callId} /> }),
  route({ path: '/calls/:callId', title: 'Call', render: ({ callId }) => <CallDetailScreen callId={callId} /> }),
  route({ path: '/checklist', title: 'Checklist', render: () => <ChecklistScreen /> }),
  route({ path: '/cards', title: 'Cards', render: () => <CardsScreen /> }),
  route({ path: '/circle', title: 'Care circle', render: () => <CircleScreen /> }),
  route({ path: '/join', title: 'Care circle', render: () => <CircleScreen /> }),
  route({ path: '/settings', title: 'Settings', render: () => <SettingsScreen /> }),
];

const NOT_FOUND: AppRoute<string> = {
  path: '*',
  title: 'Not found',
  render: () => (
    <>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to Home</Link>
      </p>
    </>
  ),
};

/** The first route whose path matches, with its params. */
function useCurrentRoute(): { title: string; screen: ReactNode; path: string } {
  const [path] = useLocation();
  const search = useSearch();
  const { parser } = useRouter();
  for (const candidate of ROUTES) {
    const [matched, params] = matchRoute(parser, candidate.path, path);
    if (matched) return { title: candidate.title, screen: candidate.render(params as never, new URLSearchParams(search)), path };
  }
  return { title: NOT_FOUND.title, screen: NOT_FOUND.render({} as never, new URLSearchParams(search)), path };
}

export function App() {
  const { path, title, screen } = useCurrentRoute();
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
      <AppHeader section={section} path={path} />
      <UpdatePrompt />
      <DatabaseReplacedNotice />
      <ToastOutlet />
      <main id="main" ref={main} tabIndex={-1} inert={databaseReplaced}>
        <Suspense fallback={<p>Loading…</p>}>{screen}</Suspense>
      </main>
    </ToastProvider>
  );
}
