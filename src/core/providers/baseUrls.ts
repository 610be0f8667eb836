// The base URL each official client expects, from what people (and harnesses) actually type. The Anthropic SDK
// appends /v1/messages, so "https://api.anthropic.com/v1" would call /v1/v1/messages; the OpenAI SDK appends
// /chat/completions to a base that by convention ends in /v1, so a bare "http://127.0.0.1:8000" would miss
// the route every OpenAI-compatible server serves.

/** For the Anthropic SDK: without a trailing /v1 (it adds its own). */
export function anthropicSdkBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** For the OpenAI SDK: a bare origin gets the conventional /v1; any explicit path is kept as it is. */
export function openAISdkBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  try {
    const u = new URL(trimmed);
    return u.pathname === '/' || u.pathname === '' ? `${trimmed}/v1` : trimmed;
  } catch {
    return trimmed;
  }
}
