import type { MatrixModule } from './matrix-kit.js';

/** Every feature module's authorization rows; a new module adds its own here. */
export const MATRIX_MODULES: MatrixModule[] = [];
