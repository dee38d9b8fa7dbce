/// <reference types="vite/client" />

/** Build-time settings of the extension (wxt.config.ts defines them). */
interface ImportMetaEnv {
  readonly KINWATCH_POSTCODES_API?: string;
  readonly KINWATCH_CARER_APP_URL?: string;
}
