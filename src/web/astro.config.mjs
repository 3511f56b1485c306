// @ts-check
import { defineConfig } from 'astro/config';

// A static site: every route is written to dist/ at build time from the API named by TWINNING_API_URL.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
