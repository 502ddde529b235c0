// Server-side paging with opaque cursors ({ items, total, nextCursor }), read with
// TanStack Query's infinite queries and shown with "さらに読み込む".
import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from './api-client';

export const PAGE_SIZE = 25;

export function allItems<T>(data: InfiniteData<Page<T>, unknown> | undefined): T[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}

export function totalOf<T>(data: InfiniteData<Page<T>, unknown> | undefined): number | undefined {
  return data?.pages[0]?.total;
}

export const nextCursorOf = <T>(page: Page<T>): string | undefined => page.nextCursor ?? undefined;
