// When the "local model unavailable" notice may appear: only for a check the user caused (a request that needed the
// local model, "Check Again"), never for the background poll at start-up, and once per outage.

import type { HealthState } from '../request';

export class OutageNotice {
  private shown = false;

  /** True when this health report should show the notice. `userAsked`: the check came from something the user did. */
  onReport(state: HealthState['local'], userAsked: boolean): boolean {
    if (state === 'ready') { this.shown = false; return false; }
    if (state === 'unknown' || this.shown || !userAsked) return false;
    this.shown = true;
    return true;
  }
}
