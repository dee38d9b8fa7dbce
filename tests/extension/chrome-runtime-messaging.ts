import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

/** What Chrome's callback sees in runtime.lastError when no listener answers. */
export const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';
export const PORT_CLOSED = 'The message port closed before a response was received.';

/**
 * runtime.sendMessage(message, callback) delivered as Chrome delivers it, on WXT's fake browser (whose own sendMessage
 * takes no callback and passes listeners no sendResponse). Every runtime.onMessage listener gets (message, sender,
 * sendResponse); message and reply are copied through JSON, as Chrome serialises them; the first sendResponse answers;
 * a listener keeps the channel open by returning true; when none answers, the callback runs with runtime.lastError
 * set. One test process stands for every extension context, so a context also hears its own messages (the messaging
 * library ignores names it has no handler for). Returns the live list of listeners, to call one as the browser would.
 * Undone by vi.restoreAllMocks().
 */
export function deliverRuntimeMessagesAsChrome(): { listeners: readonly Listener[] } {
  const listeners: Listener[] = [];
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((listener) => void listeners.push(listener as Listener));
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation((listener) => {
    const index = listeners.indexOf(listener as Listener);
    if (index >= 0) listeners.splice(index, 1);
  });
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  const runtime = fakeBrowser.runtime as unknown as { lastError?: { message: string } };
  const answer = (callback: ((reply: unknown) => void) | undefined, reply: unknown, lastError?: string) =>
    setTimeout(() => {
      if (lastError !== undefined) runtime.lastError = { message: lastError };
      try {
        callback?.(reply === undefined ? undefined : JSON.parse(JSON.stringify(reply)));
      } finally {
        delete runtime.lastError;
      }
    }, 0);

  const sendMessage = (message: unknown, callback?: (reply: unknown) => void): void => {
    if (listeners.length === 0) return void answer(callback, undefined, NO_RECEIVER);
    let answered = false;
    const sendResponse = (reply: unknown) => {
      if (answered) return;
      answered = true;
      answer(callback, reply);
    };
    const keptOpen = [...listeners].map((listener) => listener(JSON.parse(JSON.stringify(message)), sender, sendResponse) === true);
    if (!answered && !keptOpen.includes(true)) {
      answered = true;
      answer(callback, undefined, PORT_CLOSED);
    }
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sendMessage as unknown as typeof fakeBrowser.runtime.sendMessage);
  return { listeners };
}
