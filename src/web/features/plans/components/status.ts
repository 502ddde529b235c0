import type { BadgeTone } from '../../../components/ui/badge';
import type { Plan } from '../api/get-plan';

export const STATUS_TONES: Record<Plan['status'], BadgeTone> = { draft: 'warning', agreed: 'success', superseded: 'neutral' };
