// How every Playwright run here starts Chromium: Debian's /usr/bin/chromium, headless,
// without the background traffic that this machine's closed network refuses.
// (Never `playwright install`: no browser download.)

export const executablePath = process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium';

export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Options for `chromium.launch()` and Playwright's `use.launchOptions`. */
export const launchOptions = { executablePath, args, headless: true };
