// The heading of a turn's error card. A refusal is the product keeping its promise (a private file, a budget, a
// missing key), not a failure: it says nothing was sent rather than "The request failed".

export function errorTitle(code: string | undefined, refused = false): string {
  if (refused) return 'Not sent';
  switch (code) {
    case 'connection': return 'Could not reach the model';
    case 'timeout': case 'stalled': return 'The model took too long';
    case 'auth': return 'Cloud API key missing or refused';
    case 'modelMissing': return 'The model is not installed';
    case 'tooLarge': return 'The request is too large for the model';
    case 'rateLimited': return 'Rate limited';
    case 'quota': return 'Provider quota reached';
    case 'server': return 'The provider had an error';
    case 'notLocal': return 'The "local" endpoint is not local';
    case 'blocked': return 'Blocked by the privacy gate';
    // A budget (ours, or a team budget the gateway enforces) refuses before anything is generated.
    case 'budget': return 'Not sent';
    default: return 'The request failed';
  }
}
