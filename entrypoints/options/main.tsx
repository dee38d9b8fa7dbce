import { mountPage } from '../../src/ui/extension/mount-page.tsx';
import { OptionsPage } from '../../src/ui/extension/options-page.tsx';

mountPage(OptionsPage);
