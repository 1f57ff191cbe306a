import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { languageReady } from './app/i18n.ts';
import { installSessionHandling } from './app/session.ts';
import { printInLightScheme } from './app/theme.ts';

installSessionHandling();
printInLightScheme();

// After a deploy an open tab may ask for a chunk that no longer exists: reload once to get the new build.
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('matriz.reloaded-at') ?? 0);
  if (Date.now() - last < 30_000) return;
  sessionStorage.setItem('matriz.reloaded-at', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
