/** http(s) inputs: fetch with a timeout and a size limit, streaming so a huge body is cut off early. */
export interface Fetched {
  bytes: Buffer;
  contentType: string | null;
  url: string;
}

export class FetchFailure extends Error {}

export async function fetchBytes(url: string, maxBytes: number, timeoutMs: number): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
      headers: {
        'user-agent': 'chronik/0.1 (news dossier builder)',
        accept: 'application/rss+xml, application/atom+xml, text/html, application/xml, text/plain, application/x-ndjson, */*;q=0.5',
      },
    });
  } catch (e) {
    throw new FetchFailure(describe(e, timeoutMs));
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchFailure(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchFailure(overLimit(declared, maxBytes));
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FetchFailure(overLimit(total, maxBytes, true));
        }
        chunks.push(Buffer.from(value));
      }
    }
  } catch (e) {
    if (e instanceof FetchFailure) throw e;
    throw new FetchFailure(describe(e, timeoutMs));
  }
  return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type'), url: res.url || url };
}

export function overLimit(size: number, max: number, atLeast = false): string {
  return `over the size limit (${atLeast ? 'more than ' : ''}${mb(size)} > ${mb(max)})`;
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`;
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const cause = err.cause?.code ?? err.cause?.message;
  return `fetch failed${cause ? ` (${cause})` : err.message ? ` (${err.message})` : ''}`;
}
