import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from './router.tsx';

const NAV: { to: string; label: string }[] = [
  { to: '/', label: 'Home' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/calls', label: 'Calls' },
  { to: '/checklist', label: 'Checklist' },
  { to: '/cards', label: 'Cards' },
  { to: '/circle', label: 'Circle' },
  { to: '/settings', label: 'Settings' },
];

/**
 * The app's header: its name and the main navigation. When the links would not fit in two rows (a phone, or large
 * text: the header is a size container, so the breakpoint is in text widths), they fold behind a Menu button instead
 * of filling the first screen; styles.css decides which. Choosing a link, or Escape, folds them again.
 * `section` is the first path segment of the current screen ("/alerts").
 */
export function AppHeader({ section, path }: { section: string; path: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <header className={open ? 'app-header open' : 'app-header'}>
      <p className="brand">Kinwatch</p>
      <nav aria-label="Main" onKeyDown={closeOnEscape}>
        <button ref={toggle} type="button" className="nav-toggle secondary" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          Menu
        </button>
        {/* Choosing a link folds the menu, the current screen's too (its path does not change). */}
        <ul id={listId} onClick={(event) => (event.target as HTMLElement).closest('a') && setOpen(false)}>
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
  );
}
