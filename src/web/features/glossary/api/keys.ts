export const glossaryKeys = {
  all: ['glossary'] as const,
  lists: ['glossary', 'list'] as const,
  list: (filters: object) => ['glossary', 'list', filters] as const,
  term: (id: string) => ['glossary', 'term', id] as const,
  revisions: (id: string) => ['glossary', 'revisions', id] as const,
};
