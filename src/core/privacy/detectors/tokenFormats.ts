// Vendor token formats with a distinctive prefix, as the vendors document them (and as gitleaks /
// trufflehog / GitHub secret scanning encode them). Each format is data: a literal prefix and character-class
// segments. The rule regex is built from it, and the test corpus draws true positives and near misses from the
// same description, so adding a vendor is one line here.

import { ALNUM, B64, DIGITS, HEX, LOWER, UPPER, URLSAFE, type SampleRng } from '../detector';
import { PLACEHOLDER, re, type SecretRule } from '../rule';

export type CharClass = 'alnum' | 'lower' | 'upper' | 'hex' | 'HEX' | 'urlsafe' | 'b64' | 'digits' | 'lowernum' | 'uppernum';
export type Segment = string | [CharClass, number, number?];

export interface TokenFormat {
  kind: string;
  label: string;
  segments: Segment[];
}

export const CLASS_SOURCE: Record<CharClass, string> = {
  alnum: 'A-Za-z0-9', lower: 'a-z', upper: 'A-Z', hex: 'a-f0-9', HEX: 'A-Fa-f0-9', urlsafe: 'A-Za-z0-9_-',
  b64: 'A-Za-z0-9+/', digits: '0-9', lowernum: 'a-z0-9', uppernum: 'A-Z0-9',
};

const f = (kind: string, label: string, ...segments: Segment[]): TokenFormat => ({ kind, label, segments });
const UUID: Segment[] = [['hex', 8], '-', ['hex', 4], '-', ['hex', 4], '-', ['hex', 4], '-', ['hex', 12]];

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  f('gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', 'glptt-', ['hex', 40]),
  f('gitlab-deploy-token', 'GitLab deploy token', 'gldt-', ['urlsafe', 20, 64]),
  f('gitlab-feed-token', 'GitLab feed token', 'glft-', ['urlsafe', 20, 64]),
  f('gitlab-incoming-mail-token', 'GitLab incoming mail token', 'glimt-', ['lowernum', 25]),
  f('gitlab-agent-token', 'GitLab agent token', 'glagent-', ['urlsafe', 50, 64]),
  f('gitlab-oauth-secret', 'GitLab OAuth application secret', 'gloas-', ['urlsafe', 64]),
  f('gitlab-ci-build-token', 'GitLab CI job token', 'glcbt-', ['urlsafe', 20, 64]),
  f('gitlab-scim-token', 'GitLab SCIM token', 'glsoat-', ['urlsafe', 20, 64]),
  f('gitlab-feature-flag-token', 'GitLab feature-flag client token', 'glffct-', ['urlsafe', 20, 64]),
  f('stripe-webhook-secret', 'Stripe webhook signing secret', 'whsec_', ['alnum', 32, 64]),
  f('adafruit-io-key', 'Adafruit IO key', 'aio_', ['alnum', 28]),
  f('airtable-pat', 'Airtable personal access token', 'pat', ['alnum', 14], '.', ['hex', 64]),
  f('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', 'LTAI', ['alnum', 20]),
  f('atlassian-api-token', 'Atlassian API token', 'ATATT3', ['urlsafe', 180, 200], '=', ['HEX', 8]),
  f('bitbucket-app-password', 'Bitbucket app password', 'ATBB', ['alnum', 32]),
  f('beamer-api-token', 'Beamer API token', 'b_', ['urlsafe', 44]),
  f('clojars-token', 'Clojars deploy token', 'CLOJARS_', ['lowernum', 60]),
  f('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', 'v1.0-', ['hex', 24], '-', ['hex', 146]),
  f('contentful-pat', 'Contentful personal access token', 'CFPAT-', ['urlsafe', 43]),
  f('defined-networking-token', 'Defined Networking API token', 'dnkey-', ['urlsafe', 26], '-', ['urlsafe', 52]),
  f('doppler-service-token', 'Doppler service token', 'dp.st.', ['urlsafe', 2, 40], '.', ['alnum', 40, 44]),
  f('doppler-cli-token', 'Doppler CLI token', 'dp.ct.', ['alnum', 40, 44]),
  f('doppler-scim-token', 'Doppler SCIM token', 'dp.scim.', ['alnum', 40, 44]),
  f('doppler-audit-token', 'Doppler audit token', 'dp.audit.', ['alnum', 40, 44]),
  f('doppler-service-account-token', 'Doppler service-account token', 'dp.sa.', ['alnum', 40, 44]),
  f('dropbox-short-lived-token', 'Dropbox access token', 'sl.', ['urlsafe', 130, 160]),
  f('duffel-api-token', 'Duffel API token', 'duffel_', ['lower', 4], '_', ['urlsafe', 43]),
  f('dynatrace-api-token', 'Dynatrace API token', 'dt0c01.', ['uppernum', 24], '.', ['uppernum', 64]),
  f('easypost-api-key', 'EasyPost API key', 'EZAK', ['alnum', 54]),
  f('easypost-test-key', 'EasyPost test key', 'EZTK', ['alnum', 54]),
  f('flutterwave-secret-key', 'Flutterwave secret key', 'FLWSECK_TEST-', ['hex', 32], '-X'),
  f('flutterwave-live-secret-key', 'Flutterwave live secret key', 'FLWSECK-', ['hex', 32], '-X'),
  f('flutterwave-encryption-key', 'Flutterwave encryption key', 'FLWSECK_TEST', ['hex', 12]),
  f('frameio-token', 'Frame.io token', 'fio-u-', ['urlsafe', 64]),
  f('age-secret-key', 'age encryption secret key', 'AGE-SECRET-KEY-1', ['uppernum', 58]),
  f('flyio-token', 'Fly.io token', 'fo1_', ['urlsafe', 43]),
  f('flyio-macaroon', 'Fly.io macaroon token', 'fm2_', ['b64', 100, 600]),
  f('harness-pat', 'Harness access token', 'pat.', ['urlsafe', 22], '.', ['hex', 24], '.', ['alnum', 20]),
  f('heroku-api-key-v2', 'Heroku API key', 'HRKU-AA', ['urlsafe', 58]),
  f('hubspot-private-app-token', 'HubSpot private app token', 'pat-', ['lower', 2], ['digits', 1], '-', ...UUID),
  f('infracost-api-token', 'Infracost API token', 'ico-', ['alnum', 32]),
  f('intra42-client-secret', '42 Intra client secret', 's-s4t2ud-', ['hex', 64]),
  f('jfrog-api-key', 'JFrog API key', 'AKCp', ['alnum', 69]),
  f('jfrog-reference-token', 'JFrog reference token', 'cmVmdGtu', ['alnum', 56]),
  f('mailgun-private-key', 'Mailgun API key', 'key-', ['hex', 32]),
  f('newrelic-user-api-key', 'New Relic user API key', 'NRAK-', ['uppernum', 27]),
  f('newrelic-insert-key', 'New Relic insert key', 'NRII-', ['urlsafe', 32]),
  f('newrelic-browser-key', 'New Relic browser API token', 'NRJS-', ['hex', 19]),
  f('newrelic-admin-key', 'New Relic admin key', 'NRAA-', ['hex', 27]),
  f('notion-integration-token', 'Notion integration token', 'ntn_', ['digits', 11], ['alnum', 35]),
  f('notion-legacy-secret', 'Notion integration secret', 'secret_', ['alnum', 43]),
  f('nuget-api-key', 'NuGet API key', 'oy2', ['lowernum', 43]),
  f('perplexity-api-key', 'Perplexity API key', 'pplx-', ['alnum', 48]),
  f('groq-api-key', 'Groq API key', 'gsk_', ['alnum', 52]),
  f('replicate-api-token', 'Replicate API token', 'r8_', ['alnum', 37]),
  f('xai-api-key', 'xAI API key', 'xai-', ['alnum', 80]),
  f('openrouter-api-key', 'OpenRouter API key', 'sk-or-v1-', ['hex', 64]),
  f('cerebras-api-key', 'Cerebras API key', 'csk-', ['lowernum', 48]),
  f('fireworks-api-key', 'Fireworks API key', 'fw_', ['alnum', 24]),
  f('firecrawl-api-key', 'Firecrawl API key', 'fc-', ['hex', 32]),
  f('tavily-api-key', 'Tavily API key', 'tvly-', ['alnum', 32]),
  f('langsmith-api-key', 'LangSmith API key', 'lsv2_', ['lower', 2], '_', ['hex', 32], '_', ['hex', 10]),
  f('pinecone-api-key', 'Pinecone API key', 'pcsk_', ['alnum', 5, 6], '_', ['alnum', 60, 70]),
  f('huggingface-org-token', 'Hugging Face organisation token', 'api_org_', ['alnum', 34]),
  f('postman-api-key', 'Postman API key', 'PMAK-', ['hex', 24], '-', ['hex', 34]),
  f('prefect-api-key', 'Prefect API key', 'pnu_', ['alnum', 36]),
  f('planetscale-token', 'PlanetScale token', 'pscale_tkn_', ['urlsafe', 32, 64]),
  f('planetscale-password', 'PlanetScale password', 'pscale_pw_', ['urlsafe', 32, 64]),
  f('planetscale-oauth-token', 'PlanetScale OAuth token', 'pscale_oauth_', ['urlsafe', 32, 64]),
  f('rubygems-api-token', 'RubyGems API token', 'rubygems_', ['hex', 48]),
  f('readme-api-token', 'ReadMe API token', 'rdme_', ['lowernum', 70]),
  f('scalingo-api-token', 'Scalingo API token', 'tk-us-', ['urlsafe', 48]),
  f('sentry-user-token', 'Sentry user auth token', 'sntryu_', ['hex', 64]),
  f('sentry-org-token', 'Sentry organisation token', 'sntrys_eyJ', ['b64', 80, 400]),
  f('brevo-api-key', 'Brevo (Sendinblue) API key', 'xkeysib-', ['hex', 64], '-', ['alnum', 16]),
  f('brevo-smtp-key', 'Brevo SMTP key', 'xsmtpsib-', ['hex', 64], '-', ['alnum', 16]),
  f('shippo-api-token', 'Shippo API token', 'shippo_', ['lower', 4], '_', ['hex', 40]),
  f('tailscale-auth-key', 'Tailscale key', 'tskey-', ['lower', 3, 7], '-', ['alnum', 10, 20], '-', ['alnum', 20, 40]),
  f('typeform-token', 'Typeform personal token', 'tfp_', ['urlsafe', 59]),
  f('yandex-api-key', 'Yandex Cloud API key', 'AQVN', ['urlsafe', 35, 38]),
  f('yandex-iam-token', 'Yandex Cloud IAM token', 't1.', ['alnum', 20, 40], '.', ['urlsafe', 86]),
  f('onepassword-service-token', '1Password service-account token', 'ops_eyJ', ['b64', 250, 1000]),
  f('google-oauth-client-secret', 'Google OAuth client secret', 'GOCSPX-', ['urlsafe', 28]),
  f('google-oauth-access-token', 'Google OAuth access token', 'ya29.', ['urlsafe', 50, 400]),
  f('google-oauth-refresh-token', 'Google OAuth refresh token', '1//0', ['urlsafe', 60, 200]),
  f('mapbox-secret-token', 'Mapbox secret token', 'sk.eyJ', ['urlsafe', 50, 120], '.', ['urlsafe', 22]),
  f('sourcegraph-token', 'Sourcegraph access token', 'sgp_', ['hex', 16], '_', ['hex', 40]),
  f('supabase-access-token', 'Supabase access token', 'sbp_', ['hex', 40]),
  f('supabase-secret-key', 'Supabase secret key', 'sb_secret_', ['urlsafe', 31, 40]),
  f('netlify-pat', 'Netlify access token', 'nfp_', ['alnum', 36]),
  f('render-api-key', 'Render API key', 'rnd_', ['alnum', 32]),
  f('buildkite-token', 'Buildkite API token', 'bkua_', ['hex', 40]),
  f('circleci-pat', 'CircleCI personal token', 'CCIPAT_', ['alnum', 22], '_', ['hex', 40]),
  f('docker-hub-pat', 'Docker Hub access token', 'dckr_pat_', ['urlsafe', 27]),
  f('docker-hub-oat', 'Docker Hub organisation token', 'dckr_oat_', ['urlsafe', 27, 40]),
  f('lob-api-key', 'Lob API key', 'live_', ['hex', 35]),
  f('plaid-access-token', 'Plaid access token', 'access-', ['lower', 7, 11], '-', ...UUID),
  f('launchdarkly-sdk-key', 'LaunchDarkly SDK key', 'sdk-', ...UUID),
  f('launchdarkly-api-key', 'LaunchDarkly API token', 'api-', ...UUID),
  f('octopus-deploy-api-key', 'Octopus Deploy API key', 'API-', ['uppernum', 26]),
  f('openshift-token', 'OpenShift user token', 'sha256~', ['urlsafe', 43]),
  f('sonarqube-token', 'SonarQube token', 'sq', ['lower', 1], '_', ['hex', 40]),
  f('elevenlabs-api-key', 'ElevenLabs API key', 'sk_', ['hex', 48]),
  f('deepseek-api-key', 'DeepSeek API key', 'sk-', ['hex', 32]),
  f('posthog-personal-key', 'PostHog personal API key', 'phx_', ['alnum', 43, 47]),
  f('figma-pat', 'Figma personal access token', 'figd_', ['urlsafe', 40, 43]),
  f('stytch-secret', 'Stytch secret', 'secret-', ['lower', 4], '-', ['urlsafe', 36]),
  f('woocommerce-consumer-secret', 'WooCommerce consumer secret', 'cs_', ['hex', 40]),
  f('woocommerce-consumer-key', 'WooCommerce consumer key', 'ck_', ['hex', 40]),
  f('braintree-access-token', 'Braintree / PayPal access token', 'access_token$production$', ['lowernum', 16], '$', ['hex', 32]),
  f('aws-session-token', 'AWS session token', 'IQoJb3JpZ2luX2Vj', ['b64', 100, 1200]),
  f('aws-legacy-session-token', 'AWS session token', 'FwoGZXIvYXdz', ['b64', 100, 1200]),
  f('amazon-mws-token', 'Amazon MWS auth token', 'amzn.mws.', ...UUID),
  f('tencent-secret-id', 'Tencent Cloud SecretId', 'AKID', ['alnum', 32]),
  f('scaleway-access-key', 'Scaleway access key', 'SCW', ['uppernum', 17]),
  f('matrix-access-token', 'Matrix (Synapse) access token', 'syt_', ['alnum', 4, 40], '_', ['alnum', 20], '_', ['alnum', 6]),
  f('riot-api-key', 'Riot Games API key', 'RGAPI-', ...UUID),
  f('fcm-server-key', 'Firebase Cloud Messaging server key', 'AAAA', ['urlsafe', 7], ':APA91b', ['urlsafe', 134]),
  f('azure-devops-pat', 'Azure DevOps token', 'AZDO', ['alnum', 80]),
  f('codecov-token', 'Codecov upload token', 'codecov_', ['alnum', 32, 40]),
  f('vercel-token', 'Vercel access token', 'vck_', ['alnum', 56, 60]),
  f('resend-api-key', 'Resend API key', 're_', ['alnum', 8], '_', ['alnum', 24]),
  f('browserbase-api-key', 'Browserbase API key', 'bb_live_', ['urlsafe', 27]),
  f('age-plugin-identity', 'age plugin identity', 'AGE-PLUGIN-', ['uppernum', 10, 20], '-1', ['uppernum', 40, 120]),
  f('ngrok-api-key', 'ngrok key', 'ngrok_', ['alnum', 40, 60]),
  f('artifactory-identity-token', 'Artifactory identity token', 'cmVmdGtuOjAx', ['alnum', 40, 60]),
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/$]/g, '\\$&');

export function segmentSource(seg: Segment): string {
  if (typeof seg === 'string') return escape(seg);
  const [cls, min, max] = seg;
  return `[${CLASS_SOURCE[cls]}]{${min}${max !== undefined ? `,${max}` : ''}}`;
}

/** The literal the keyword pre-filter looks for: the format's leading literal. */
export function formatKeyword(format: TokenFormat): string {
  return typeof format.segments[0] === 'string' ? format.segments[0] : '';
}

const CLASS_CHARS: Record<CharClass, string> = {
  alnum: ALNUM, lower: LOWER, upper: UPPER, hex: HEX, HEX: HEX + 'ABCDEF', urlsafe: URLSAFE, b64: B64, digits: DIGITS,
  lowernum: LOWER + DIGITS, uppernum: UPPER + DIGITS,
};

/** A value in the format, drawn at test time: each class segment at its longest length. */
export function drawFormat(format: TokenFormat, g: SampleRng): string {
  return format.segments.map((seg) => (typeof seg === 'string' ? seg : drawSegment(seg, g))).join('');
}

function drawSegment([cls, min, max]: [CharClass, number, number?], g: SampleRng): string {
  const chars = CLASS_CHARS[cls];
  const n = max ?? min;
  // Mixed classes draw all three kinds so the value looks like a real key (and passes the placeholder test).
  return chars === ALNUM || chars === URLSAFE || chars === B64 ? g.mixed(chars, n) : g.str(chars, n);
}

export const TOKEN_FORMAT_RULES: readonly SecretRule[] = TOKEN_FORMATS.map((fmt): SecretRule => ({
  kind: fmt.kind, label: fmt.label, keywords: [formatKeyword(fmt)],
  // Literal first, so the engine can skip ahead to the prefix; the left boundary is checked in code.
  re: re('(' + fmt.segments.map(segmentSource).join('') + String.raw`)(?![A-Za-z0-9_+/=-])`),
  allow: PLACEHOLDER, leftBoundary: true,
  samples: {
    tp: [(g) => `TOKEN="${drawFormat(fmt, g)}"`],
    // The format's prefix, followed by too short a value.
    fp: [`${formatKeyword(fmt)}short`],
  },
}));
