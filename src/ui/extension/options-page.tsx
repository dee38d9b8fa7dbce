import { CircleSection } from './circle-section.tsx';
import { CustomFeedsSection } from './custom-feeds-section.tsx';
import type { PageDeps } from './page-deps.ts';
import { PeopleSection } from './people-section.tsx';
import { ScheduleSection } from './schedule-section.tsx';

export function OptionsPage({ deps }: { deps: PageDeps }) {
  return (
    <main>
      <h1>Kinwatch settings</h1>
      <p>
        Kinwatch reads police news near the people you look after and warns you when fake police officers or couriers are
        reported nearby. <a href={deps.extensionUrl('/health.html')}>See how each source is doing</a>.
      </p>
      <PeopleSection deps={deps} />
      <CustomFeedsSection deps={deps} />
      <ScheduleSection deps={deps} />
      <CircleSection deps={deps} />
    </main>
  );
}
