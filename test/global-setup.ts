/** Before the unit tests: the command line they spawn is built from the current sources (scripts/sla.mjs). */
import { ensureCliBuilt } from '../scripts/sla.mjs';

export default function setup(): void {
  ensureCliBuilt();
}
