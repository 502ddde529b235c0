// Text with glossary terms linked (segments cut by the server, see glossary/link-terms.ts), for
// consultation threads and the record's 経過記録. Rendered as text nodes, never as HTML.
import { Link } from '@tanstack/react-router';
import { useT } from '../../../i18n/i18n';

export interface Segment {
  text: string;
  termId?: string;
  term?: string;
}

export function LinkedText({ segments }: { segments: Segment[] }) {
  const t = useT();
  return (
    <p className="pre-wrap linked-text">
      {segments.map((s, i) =>
        s.termId ? (
          <Link key={i} to="/glossary/$termId" params={{ termId: s.termId }} className="term-link" title={t('kb.termLinkTitle', { term: s.term ?? s.text })}>
            {s.text}
          </Link>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
