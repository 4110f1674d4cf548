import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    ccTrustedTypesXss?: boolean;
  }
}

interface ProbeResult {
  readonly enforced: boolean;
  readonly violations: string[];
  readonly error?: string;
  readonly strong: number;
  readonly table: number;
  readonly blockedImages: number;
  readonly scripts: number;
}

function isProbeMessage(data: unknown): data is { ccTrustedTypesProbe: ProbeResult } {
  return typeof data === 'object' && data !== null && 'ccTrustedTypesProbe' in data;
}

/** Loads a fixture page whose CSP enforces Trusted Types and returns what its probe reports. */
async function probe(page: string): Promise<ProbeResult> {
  const iframe = document.createElement('iframe');
  const result = new Promise<ProbeResult>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no report from ${page}`)), 10_000);
    window.addEventListener('message', function onMessage(e: MessageEvent<unknown>) {
      if (e.source !== iframe.contentWindow || !isProbeMessage(e.data)) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(e.data.ccTrustedTypesProbe);
    });
  });
  iframe.src = new URL(`./fixtures/${page}`, import.meta.url).href;
  document.body.append(iframe);
  try {
    return await result;
  } finally {
    iframe.remove();
  }
}

describe('content under Trusted Types', function () {
  this.timeout(15_000);
  afterEach(() => delete window.ccTrustedTypesXss);

  for (const [page, policy, expectedViolations] of [
    ['trusted-types.html', 'its own policy', []],
    // Trying our policy name is refused (and reported) before DOMPurify's own policy takes over.
    ['trusted-types-dompurify.html', "DOMPurify's policy when the host allows only that", ['trusted-types: cc-digital-widgets']],
  ] as const) {
    it(`R-CHAT-07 / R-MAIL-02: renders Markdown and email HTML with require-trusted-types-for 'script', using ${policy}`, async () => {
      const r = await probe(page);
      expect(r.enforced, 'the fixture enforces Trusted Types').to.be.true;
      expect(r.error).to.equal(undefined);
      // Event-handler attributes in the dirty markup are reported (script-src-attr) while
      // DOMPurify parses them in its inert document; they never run. Trusted Types must not complain.
      const trustedTypesViolations = r.violations.filter((v) => v.startsWith('trusted-types') || v.startsWith('require-trusted-types-for'));
      expect(trustedTypesViolations).to.deep.equal(expectedViolations);
      expect(r.strong).to.equal(1);
      expect(r.table).to.equal(3);
      expect(r.blockedImages).to.equal(1);
      expect(r.scripts).to.equal(0);
      expect(window.ccTrustedTypesXss).to.equal(undefined);
    });
  }
});
