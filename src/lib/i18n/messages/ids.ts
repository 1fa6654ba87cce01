// The message ids are those of ja.ts: every other language has exactly these.

import type { ja } from './ja.ts';

export type MessageId = keyof typeof ja;
export type Messages = { readonly [K in MessageId]: string };
