import { mountPage } from '../../src/ui/extension/mount-page.tsx';
import { PopupPage } from '../../src/ui/extension/popup-page.tsx';

mountPage(PopupPage);
