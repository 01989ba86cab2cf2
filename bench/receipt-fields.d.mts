export declare const KEY_FIELDS: readonly ['company', 'date', 'address', 'total'];
export declare function amountOf(s: string): number | null;
export declare function dateOf(s: string): string | null;
export declare function fieldRight(field: 'company' | 'date' | 'address' | 'total', want: string, fields: unknown): boolean;
export declare function keyFor(imagePath: string): Record<string, string> | null;
export declare function receiptTable(runs: Array<{ name: string; key: Record<string, string>; fields: unknown; failed?: string }>): { table: string; misses: string[] };
