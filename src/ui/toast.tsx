/** One message at a time at the foot of the screen, announced politely, with an optional "Undo". */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export interface ToastOptions {
  undo?: () => void | Promise<void>;
}

interface Toast extends ToastOptions {
  id: number;
  message: string;
}

type Show = (message: string, options?: ToastOptions) => void;

const ToastContext = createContext<Show>(() => undefined);
const CurrentToastContext = createContext<{ toast: Toast | undefined; clear: () => void }>({ toast: undefined, clear: () => undefined });

export function useToast(): Show {
  return useContext(ToastContext);
}

/** Long enough to read and reach "Undo" by keyboard (WCAG 2.2.1: users who need longer can still find deleted items). */
const TOAST_MS = 15_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | undefined>();
  const next = useRef(1);
  const show = useCallback<Show>((message, options = {}) => setToast({ id: next.current++, message, ...options }), []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((current) => (current?.id === toast.id ? undefined : current)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <ToastContext.Provider value={show}>
      <CurrentToastContext.Provider value={{ toast, clear: () => setToast(undefined) }}>{children}</CurrentToastContext.Provider>
    </ToastContext.Provider>
  );
}

/** Where the message shows: in the page flow (never over content or the focused field). */
export function ToastOutlet() {
  const { toast, clear } = useContext(CurrentToastContext);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div className="toast">
          <span>{toast.message}</span>
          {toast.undo ? (
            <button
              type="button"
              onClick={() => {
                const undo = toast.undo;
                clear();
                void undo?.();
              }}
            >
              Undo
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={clear}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
