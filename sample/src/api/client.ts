// Talks to the payments service. Credentials come from the environment (see config/.env.local).

export interface PaymentResult {
  id: string;
  status: 'authorized' | 'declined';
}

export async function authorize(amountCents: number, cardToken: string): Promise<PaymentResult> {
  const baseUrl = process.env.PAYMENTS_URL ?? 'http://127.0.0.1:4010';
  const res = await fetch(`${baseUrl}/v1/authorizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.PAYMENTS_TOKEN ?? ''}` },
    body: JSON.stringify({ amount: amountCents, currency: 'EUR', source: cardToken }),
  });
  if (!res.ok) throw new Error(`payments service answered ${res.status}`);
  return (await res.json()) as PaymentResult;
}
