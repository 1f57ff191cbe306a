import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { queryClient } from './query.ts';
import { AppRoutes } from './router.tsx';
import { colorSchemeManager, theme } from './theme.ts';

// The toast container is not needed for the first paint; `notifications.show()` queues until it mounts.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

export function App() {
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <Suspense fallback={null}>
        <Notifications position="top-center" limit={3} zIndex={1000} />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ErrorBoundary>
      </QueryClientProvider>
    </MantineProvider>
  );
}
