import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyPageProps {
  icon?: ReactNode;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  'data-testid'?: string;
}

/** A centred empty state inside a card: placeholders, "no permission", "not found". */
export function EmptyPage({ icon, title, description, children, 'data-testid': testId }: EmptyPageProps) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid={testId}>
      <EmptyState
        icon={icon ? <span style={{ fontSize: 28, lineHeight: 1 }}>{icon}</span> : undefined}
        variant="light"
        title={title}
        description={description}
      >
        {children}
      </EmptyState>
    </Paper>
  );
}
