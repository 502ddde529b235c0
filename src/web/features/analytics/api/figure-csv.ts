import type { FigureId } from '../../../../shared/contracts/analytics';
import { buildUrl } from '../../../lib/api-client';
import type { AnalyticsFilters } from './get-section';

/** The API's CSV of one figure, with the same filters and suppression as the screen. */
export const figureCsvUrl = (figure: FigureId, filters: AnalyticsFilters) => buildUrl(`/api/analytics/figures/${figure}/csv`, { ...filters });
