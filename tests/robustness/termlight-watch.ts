/**
 * What Termlight's own JavaScript does inside a page, read through the DevTools protocol, which names the
 * world each script runs in: uncaught exceptions and console.error calls in the extension's isolated world
 * (the content script), and network requests whose initiator stack runs through the extension's code.
 * Page errors are collected separately (visit.ts) and only count against Termlight when they appear with
 * it and not without it.
 */
import type { BrowserContext, Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string };
}

interface StackTrace {
  callFrames?: Array<{ url?: string }>;
}

export interface TermlightWatch {
  errors(): string[];
  /** URLs requested by Termlight's code (any origin). */
  requests(): string[];
}

export async function watchTermlight(context: BrowserContext, page: Page): Promise<TermlightWatch> {
  const errors: string[] = [];
  const requests: string[] = [];
  const ours = new Set<number>();
  const cdp = await context.newCDPSession(page);
  const fromExtension = (stack?: StackTrace) => stack?.callFrames?.some((f) => f.url?.startsWith('chrome-extension://')) ?? false;
  cdp.on('Runtime.executionContextCreated', ({ context: c }: { context: ExecutionContext }) => {
    if (c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')) ours.add(c.id);
  });
  cdp.on(
    'Runtime.exceptionThrown',
    ({ exceptionDetails: d }: { exceptionDetails: { executionContextId?: number; text: string; exception?: { description?: string }; stackTrace?: StackTrace } }) => {
      if ((d.executionContextId !== undefined && ours.has(d.executionContextId)) || fromExtension(d.stackTrace)) {
        errors.push(`uncaught: ${d.exception?.description?.split('\n')[0] ?? d.text}`);
      }
    },
  );
  cdp.on(
    'Runtime.consoleAPICalled',
    ({ type, executionContextId, args, stackTrace }: { type: string; executionContextId: number; args: Array<{ value?: unknown; description?: string }>; stackTrace?: StackTrace }) => {
      if (type !== 'error' && type !== 'assert') return;
      if (!ours.has(executionContextId) && !fromExtension(stackTrace)) return;
      errors.push(`console.${type}: ${args.map((a) => (a.value !== undefined ? String(a.value) : a.description ?? '')).join(' ')}`);
    },
  );
  cdp.on('Network.requestWillBeSent', ({ request, initiator }: { request: { url: string }; initiator: { url?: string; stack?: StackTrace & { parent?: StackTrace } } }) => {
    if (initiator.url?.startsWith('chrome-extension://') || fromExtension(initiator.stack) || fromExtension(initiator.stack?.parent)) {
      requests.push(request.url);
    }
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Network.enable');
  return { errors: () => errors, requests: () => requests };
}
