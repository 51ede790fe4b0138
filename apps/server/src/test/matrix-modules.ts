import type { MatrixModule } from './matrix-kit.js';
import { collaborationMatrix } from '../modules/collaboration/collaboration.matrix.js';
import { exchangeMatrix } from '../modules/exchange/exchange.matrix.js';
import { researchMatrix } from '../modules/research/research.matrix.js';
import { ledgerMatrix } from '../modules/ledger/ledger.matrix.js';
import { planMatrix } from '../modules/plan/plan.matrix.js';
import { assessmentMatrix } from '../modules/assessment/assessment.matrix.js';
import { goalsMatrix } from '../modules/goals/goals.matrix.js';
import { aggregatesMatrix } from '../modules/aggregates/aggregates.matrix.js';
import { calendarMatrix } from '../modules/calendar/calendar.matrix.js';

/** Every feature module's authorization rows; a new module adds its own here. */
export const MATRIX_MODULES: MatrixModule[] = [
  goalsMatrix,
  aggregatesMatrix,
  collaborationMatrix,
  exchangeMatrix,
  researchMatrix,
  ledgerMatrix,
  planMatrix,
  assessmentMatrix,
  calendarMatrix,
];
