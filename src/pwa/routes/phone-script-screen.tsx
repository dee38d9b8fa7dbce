/** The words for phoning the parent about one alert, filled in with its details. */
import { useLiveQuery } from 'dexie-react-hooks';
import { telHref } from '../../core/calls/help-lines.ts';
import { nameToSay } from '../../core/calls/person.ts';
import { phoneScript } from '../../core/calls/phone-script.ts';
import { db, SETTINGS, useSetting } from '../app-data.ts';
import { Link } from '../router.tsx';

export function PhoneScriptScreen({ alertId }: { alertId: string }) {
  const carerName = useSetting<string>(SETTINGS.carerName, '');
  const data = useLiveQuery(async () => {
    const alert = await db.alerts.get(decodeURIComponent(alertId));
    return { alert, person: alert ? await db.people.get(alert.personId) : undefined };
  }, [alertId]);
  if (!data) return <p>Loading…</p>;
  if (!data.alert || !data.person) {
    return (
      <>
        <h1>Phone script</h1>
        <p>
          That alert is not here any more. <Link to="/alerts">Back to Alerts</Link>
        </p>
      </>
    );
  }
  const lines = phoneScript(data.alert.spate, data.person, carerName);
  return (
    <>
      <h1>Phone script: calling {data.person.name}</h1>
      <p>About: {data.alert.spate.headline}</p>
      {data.person.phones.length > 0 ? (
        <div className="actions">
          {data.person.phones.map((phone) => {
            const href = telHref(phone);
            return href ? (
              <a key={phone} className="button" href={href}>
                Call {nameToSay(data.person!)}: {phone}
              </a>
            ) : null;
          })}
        </div>
      ) : (
        <p className="hint">
          No phone number is saved for {data.person.name}. <Link to={`/people/${data.person.id}`}>Add their number</Link> to ring from here.
        </p>
      )}
      <p className="hint">Calm and short. Read it, or say it in your own words.</p>
      <ol className="script">
        {lines.map((line, index) => (
          <li key={index}>
            <strong>{line.cue}:</strong> {line.text}
          </li>
        ))}
      </ol>
      <p>
        <Link to="/alerts">Back to Alerts</Link>
      </p>
    </>
  );
}
