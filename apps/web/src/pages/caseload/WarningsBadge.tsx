import { Badge } from '@mantine/core';

/**
 * How many pathway findings need attention (blockers and warnings alike; the client page tells
 * which), nothing when none: yellow as the client page's warnings, dark text for contrast.
 */
export function WarningsBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge color="yellow.4" autoContrast>
      {count === 1 ? '1 warning' : `${count} warnings`}
    </Badge>
  );
}
