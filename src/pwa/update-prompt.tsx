/** Registers the service worker and offers "Reload" when a new version is waiting (never reloads under the carer's feet). */
import { useEffect, useState } from 'react';
import { Workbox } from 'workbox-window';

export function UpdatePrompt() {
  const [workbox, setWorkbox] = useState<Workbox | undefined>();
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const wb = new Workbox('/sw.js', { scope: '/' });
    wb.addEventListener('waiting', () => setWaiting(true));
    void wb.register();
    setWorkbox(wb);
  }, []);

  if (!waiting || !workbox) return null;
  return (
    <div className="update-banner" role="status">
      <p>A new version of Kinwatch is ready.</p>
      <button
        type="button"
        onClick={() => {
          // Reload once the new worker has taken over, so the page and its worker are the same version.
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
          workbox.messageSkipWaiting();
        }}
      >
        Reload
      </button>
    </div>
  );
}
