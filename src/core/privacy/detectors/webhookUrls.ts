// Chat webhooks whose URL is the credential: anyone holding it can post to the channel. Written from the vendors'
// documented shapes rather than one example: Teams' connector URL has a tenant host (`<org>.webhook.office.com`)
// and, since 2024, a `/V2…` key after the owner GUID; the retired `outlook.office.com/webhook/` host still appears
// in old configs. Discord serves the same webhook from `discordapp.com`, `ptb.`/`canary.` hosts and versioned API
// paths. Each rule starts at the host's fixed literal (the tenant label before it names no secret), and a
// documentation template (`<group>`, all-zero GUIDs, `XXXX`) is not a webhook.

import { DIGITS, HEX, URLSAFE, type SampleRng } from '../detector';
import { PLACEHOLDER, re, type SecretRule } from '../rule';

const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const j = (...parts: string[]): string => parts.join('');
const guid = (g: SampleRng): string => [8, 4, 4, 4, 12].map((n) => g.str(HEX, n)).join('-');
const teams = (g: SampleRng, host: string): string => j('https://', host, '/', guid(g), '@', guid(g), '/IncomingWebhook/', g.str(HEX, 32), '/', guid(g));

export const WEBHOOK_URL_RULES: readonly SecretRule[] = [
  { kind: 'teams-webhook', label: 'Microsoft Teams webhook URL', keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
    re: re(String.raw`((?:webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook(?:b2)?)/${GUID}(?:@|%40)${GUID}/IncomingWebhook/[0-9A-Fa-f]{32}/${GUID}(?:/V2[A-Za-z0-9_-]{20,100})?)(?![A-Za-z0-9_-])`),
    allow: PLACEHOLDER, leftBoundary: true,
    samples: {
      tp: [(g) => `TEAMS_URL=${teams(g, j('contoso.webhook', '.office.com/webhookb2'))}/V2${g.mixed(URLSAFE, 44)}`,
        (g) => `"url": "${teams(g, j('outlook', '.office.com/webhook'))}"`],
      fp: ['https://<org>.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<altId>/<groupOwner>',
        'see https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook'],
    } },
  { kind: 'discord-webhook', label: 'Discord webhook URL', keywords: ['discord.com/api/', 'discordapp.com/api/'],
    re: re(String.raw`(discord(?:app)?\.com/api/(?:v\d{1,2}/)?webhooks/\d{17,20}/[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])`),
    allow: PLACEHOLDER, leftBoundary: true,
    samples: {
      tp: [(g) => `hook = "https://${j('discord', 'app.com')}/api/webhooks/${g.str(DIGITS, 19)}/${g.mixed(URLSAFE, 68)}"`,
        (g) => `https://canary.${j('discord', '.com')}/api/v10/webhooks/${g.str(DIGITS, 18)}/${g.mixed(URLSAFE, 68)}`],
      fp: ['https://discord.com/api/v10/webhooks/{webhook.id}/{webhook.token}', 'see https://discord.com/developers/docs/resources/webhook'],
    } },
  // The bot token sits in the path (`/bot<id>:<secret>/sendMessage`), glued to `bot`, which the bare token rule's
  // word boundary refuses.
  { kind: 'telegram-bot-token', label: 'Telegram bot token', keywords: ['telegram.org/bot'],
    re: re(String.raw`telegram\.org/(?:file/)?bot(\d{6,12}:[A-Za-z0-9_-]{30,40})(?![A-Za-z0-9_-])`), allow: PLACEHOLDER,
    samples: { tp: [(g) => `curl https://api.${j('tele', 'gram.org')}/bot${g.str(DIGITS, 10)}:AA${g.mixed(URLSAFE, 33)}/getMe`], fp: ['https://api.telegram.org/bot<token>/getMe'] } },
  // IFTTT's Webhooks service: one key per account, in the path, fires every applet that listens.
  { kind: 'ifttt-webhook-key', label: 'IFTTT webhook key', keywords: ['ifttt.com/'],
    re: re(String.raw`ifttt\.com/(?:trigger/[^/\s?#]{1,100}/(?:json/)?with/key|use)/([A-Za-z0-9_-]{16,64})(?![A-Za-z0-9_-])`), allow: PLACEHOLDER,
    samples: { tp: [(g) => `POST https://maker.${j('ifttt', '.com')}/trigger/door_open/with/key/${g.mixed(URLSAFE, 22)}`], fp: ['https://maker.ifttt.com/trigger/{event}/with/key/{your_key}'] } },
];
