import { HealthPage } from '../../src/ui/extension/health-page.tsx';
import { mountPage } from '../../src/ui/extension/mount-page.tsx';

mountPage(HealthPage);
