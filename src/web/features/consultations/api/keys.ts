export const consultationKeys = {
  all: ['consultations'] as const,
  lists: ['consultations', 'list'] as const,
  detail: (id: string) => ['consultations', 'detail', id] as const,
  knowledgeBase: ['consultations', 'knowledge-base'] as const,
};
