import type { CSSProperties } from 'react';

/**
 * Mantine colours a field's error (its message and its text) with red 6, under WCAG AA contrast
 * on white (axe-core: 3.3:1); red 9 passes. Set on a screen's root (and on a modal, which renders
 * outside it), descendants inherit it. Better made once in the theme's CSS variables.
 */
export const READABLE_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
