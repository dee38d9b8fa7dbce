/**
 * Navigation on wouter (https://github.com/molefrog/wouter): history-based paths like /calls/new?person=…; the
 * server and the service worker answer every path with the app. `Link` takes `to`, as the screens always have.
 */
import type { AnchorHTMLAttributes } from 'react';
import { Link as WouterLink } from 'wouter';

export { navigate } from 'wouter/use-browser-location';

export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return <WouterLink href={to} {...rest} />;
}
