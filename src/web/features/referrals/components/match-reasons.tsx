// The reasons behind a match score, one per criterion. Met / partly met / not met / note are
// told apart by an icon shape AND a word (満たす・一部・満たさない・参考), never by colour alone.
import { useT } from '../../../i18n/i18n';
import type { CandidateReason } from '../api/types';

const MARK: Record<CandidateReason['met'], string> = { met: '✓', partial: '△', not_met: '✕', info: 'i' };

export function MatchReasons({ reasons }: { reasons: CandidateReason[] }) {
  const t = useT();
  return (
    <ul className="reasons">
      {reasons.map((r, i) => (
        <li key={`${r.criterion}-${i}`} className={`reason reason--${r.met}`}>
          <span className="reason__mark" aria-hidden="true">
            {MARK[r.met]}
          </span>
          <span className="reason__state">{t(`cases.reason.${r.met}`)}</span>
          <span className="reason__text">
            {r.text}
            {r.met !== 'info' ? <span className="reason__points">{t('cases.reasonPoints', { points: formatPoints(r.points), max: r.maxPoints })}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export const formatPoints = (n: number) => (Math.round(n * 10) / 10).toString();
