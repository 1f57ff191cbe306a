import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'matriz.color-scheme' });

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  cursorType: 'pointer',
});

/** Paper is white: print in the light scheme whatever the screen uses (see the print rules in global.css). */
export function printInLightScheme(): void {
  const root = document.documentElement;
  let previous: string | null = null;
  window.addEventListener('beforeprint', () => {
    previous = root.getAttribute('data-mantine-color-scheme');
    root.setAttribute('data-mantine-color-scheme', 'light');
  });
  window.addEventListener('afterprint', () => {
    if (previous) root.setAttribute('data-mantine-color-scheme', previous);
  });
}
