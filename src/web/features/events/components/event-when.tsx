import { DateTime } from '../../../components/ui/date-time';
import { tokyoDate } from '../../../../shared/dates';
import { tokyoTime } from './event-format';

/** 「2025年12月19日 13:30〜16:30」: the end is a clock time when the event ends the same day. */
export function EventWhen({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const sameDay = tokyoDate(startsAt) === tokyoDate(endsAt);
  return (
    <span className="event-when">
      <DateTime value={startsAt} />〜{sameDay ? <time dateTime={endsAt}>{tokyoTime(endsAt)}</time> : <DateTime value={endsAt} />}
    </span>
  );
}
