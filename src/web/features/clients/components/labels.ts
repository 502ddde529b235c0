// Japanese labels of the record's code values that the contracts do not carry themselves.
export const SEX_LABELS = { female: '女性', male: '男性', other: 'その他', unknown: '不明' } as const;
export const SEVERITY_LABELS = { mild: '軽度', moderate: '中等度', severe: '重度', unknown: '不明' } as const;
