export const glossaryKeys = {
  all: ['glossary'] as const,
  list: (filters: object) => ['glossary', 'list', filters] as const,
  term: (id: string) => ['glossary', 'term', id] as const,
};
