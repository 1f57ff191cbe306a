import { Button, type ButtonProps } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const loadModal = () => import('./ConfirmModal.tsx');
const ConfirmModal = lazy(loadModal);

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  children: ReactNode;
  /** Runs after the user confirms; the dialog stays open (showing the error) if it throws. */
  onConfirm: () => unknown | Promise<unknown>;
  /** Dialog title; defaults to the button text when that is a string. */
  confirmTitle?: string;
  /** What will happen, in plain words. */
  confirmMessage: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Red confirm button (default true: these are destructive actions). */
  danger?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
  title?: string;
}

/**
 * A button that asks for confirmation in a Mantine modal before running a destructive action.
 * The modal code loads when the browser is idle (or on first click), not with the page.
 */
export function ConfirmButton({
  children,
  onConfirm,
  confirmTitle,
  confirmMessage,
  confirmLabel,
  cancelLabel,
  danger = true,
  ...buttonProps
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [mounted, setMounted] = useState(false);
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1_500));
    idle(() => void loadModal());
  }, []);

  const close = () => {
    if (busy) return;
    setOpened(false);
    setError(null);
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpened(false);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        {...buttonProps}
        onClick={() => {
          setMounted(true);
          setOpened(true);
        }}
      >
        {children}
      </Button>
      {mounted ? (
        <Suspense fallback={null}>
          <ConfirmModal
            opened={opened}
            busy={busy}
            error={error}
            title={confirmTitle ?? (typeof children === 'string' ? children : t('ui.confirm.title'))}
            message={confirmMessage}
            confirmLabel={confirmLabel}
            cancelLabel={cancelLabel}
            danger={danger}
            onConfirm={confirm}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
