import { Button, Code, Stack } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../app/i18n.ts';
import { EmptyPage } from './EmptyPage.tsx';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the path) clears a caught error. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey?: string;
}

/** Keeps a crashing screen from blanking the whole app; offers a reload. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <EmptyPage
        icon="!"
        title={t('ui.crash.title')}
        description={t('ui.crash.description')}
        data-testid="crash"
      >
        <Stack align="center" gap="xs">
          <Code fz="xs">{this.state.error.message}</Code>
          <Button size="sm" onClick={() => window.location.reload()}>
            {t('ui.crash.reload')}
          </Button>
        </Stack>
      </EmptyPage>
    );
  }
}
