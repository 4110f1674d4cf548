/**
 * Strict CSP and Trusted Types proof in Chromium. An iframe loads
 * fixtures/strict-csp.html, which web-test-runner serves with the policy below as a
 * real `Content-Security-Policy` header (a middleware in web-test-runner.config.mjs).
 * Inside, fixtures/strict-csp-probe.ts listens for violations first, then loads the
 * library from source, renders the main elements on the simulated contact center, accepts,
 * sends messages, renders Markdown and an email, and reports back.
 */
import { expect } from '@open-wc/testing';
import type { StrictCspReport } from './fixtures/strict-csp-probe.js';

/** The policy a host with the strictest reasonable CSP sets: no 'unsafe-eval', no 'unsafe-inline', Trusted Types. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html cc-digital-widgets dompurify";

const PAGE = new URL('./fixtures/strict-csp.html', import.meta.url).href;

function isReport(data: unknown): data is { ccStrictCspReport: StrictCspReport } {
  return typeof data === 'object' && data !== null && 'ccStrictCspReport' in data;
}

async function probe(): Promise<StrictCspReport> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '1200px';
  iframe.style.height = '900px';
  const report = new Promise<StrictCspReport>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no report from the strict CSP page')), 45_000);
    window.addEventListener('message', function onMessage(e: MessageEvent<unknown>) {
      if (e.source !== iframe.contentWindow || !isReport(e.data)) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(e.data.ccStrictCspReport);
    });
  });
  iframe.src = PAGE;
  document.body.append(iframe);
  try {
    return await report;
  } finally {
    iframe.remove();
  }
}

describe('strict CSP and Trusted Types', function () {
  this.timeout(60_000);
  let report: StrictCspReport;

  before(async () => {
    report = await probe();
    console.log(
      `strict CSP: ${report.violations.length} violations while ${report.rendered.length} elements rendered and worked; ` +
        `${report.controls.violations.length} from the deliberate controls`,
    );
    for (const [phase, list] of [
      ['main', report.violations],
      ['styled email', report.styledEmail.violations],
      ['hostile email', report.hostileEmail.violations],
      ['controls', report.controls.violations],
    ] as const) {
      for (const v of list) console.log(`  ${phase} violation: ${v}`);
    }
    console.log(`  styled email: ${JSON.stringify(report.styledEmail)}`);
  });

  it("CSP: the page is served with default-src 'self'; script-src 'self'; object-src 'none' and Trusted Types, and has no inline script", async () => {
    const response = await fetch(PAGE);
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    expect(report.error).to.equal(undefined);
    expect(report.inlineScripts).to.equal(0);
  });

  it('CSP: the main elements render on the simulator, offers are accepted, messages and a reply are sent — with zero securitypolicyviolation events', () => {
    expect(report.error).to.equal(undefined);
    expect(report.violations).to.deep.equal([]);
    expect(report.rendered).to.deep.equal([
      'cc-agent-state',
      'cc-contact-request',
      'cc-task-list',
      'cc-chat-widget[messenger]',
      'cc-chat-widget[webchat]',
      'cc-sms-widget',
      'cc-email-widget',
    ]);
    expect(report.offersShown).to.equal(4);
    expect(report.tasksShown).to.equal(4);
    expect(report.messagesSent).to.equal(3);
    expect(report.emailSent).to.equal(true);
  });

  it('CSP: Markdown (a customer message and a template preview) and an HTML email render, remote images blocked, without violations', () => {
    expect(report.markdown.strong).to.be.at.least(2);
    expect(report.markdown.em).to.be.at.least(1);
    expect(report.markdown.listItems).to.be.at.least(2);
    expect(report.markdown.safeLinks).to.be.at.least(2);
    expect(report.templatePreview).to.equal(true);
    expect(report.emailTables).to.equal(1);
    expect(report.emailBlockedImages).to.equal(1);
    expect(report.violations).to.deep.equal([]);
  });

  it('CSP: a long thread (400+ messages, virtualized) renders part of itself and scrolls to its first message without violations', () => {
    expect(report.error).to.equal(undefined);
    expect(report.longThread.messages).to.be.greaterThan(400);
    expect(report.longThread.rendered).to.be.greaterThan(0);
    expect(report.longThread.rendered).to.be.lessThan(report.longThread.messages);
    expect(report.longThread.reachedFirst).to.equal(true);
    expect(report.violations).to.deep.equal([]);
  });

  it("Trusted Types: require-trusted-types-for 'script' is enforced, and the library needs no policy but lit-html, cc-digital-widgets and dompurify", () => {
    expect(report.controls.trustedTypesEnforced, 'a raw innerHTML assignment is refused').to.equal(true);
    expect(report.violations.filter((v) => v.startsWith('trusted-types') || v.startsWith('require-trusted-types-for'))).to.deep.equal([]);
  });

  it("CSP, R-MAIL-02: an email's cleaned inline styles apply in its frame without style-src 'unsafe-inline' and without a violation", () => {
    // Styles leave the markup before any parser sees it and are applied through CSSOM, which no policy refuses.
    expect(report.styledEmail.rendered).to.equal(true);
    expect(report.styledEmail.styleApplied).to.equal(true);
    expect(report.styledEmail.violations).to.deep.equal([]);
  });

  it('CSP, R-MAIL-02: an email full of onerror/onload/onclick handlers renders in a sandboxed frame, runs nothing and causes zero securitypolicyviolation events', () => {
    expect(report.emailFrames).to.be.at.least(3);
    expect(report.hostileEmail.rendered).to.equal(true);
    expect(report.hostileEmail.ran).to.equal(false);
    expect(report.hostileEmail.violations).to.deep.equal([]);
  });

  it('control: eval, inline handlers and foreign images are blocked, and the listener does see the violations they cause', () => {
    expect(report.controls.evalBlocked, 'new Function is refused').to.equal(true);
    expect(report.controls.inlineHandlerBlocked, 'an onerror attribute does not run').to.equal(true);
    expect(report.controls.foreignImageBlocked, 'an image from another origin is refused').to.equal(true);
    expect(report.controls.frameViolationSeen, 'a violation inside an email frame is seen').to.equal(true);
    expect(report.controls.frameParseViolationSeen, 'a violation while an email frame parses its document is seen').to.equal(true);
    const directives = report.controls.violations.map((v) => v.split(/[ :]/)[0]);
    expect(directives.filter((d) => d === 'require-trusted-types-for'), 'innerHTML, Function and the handler attribute').to.have.length(3);
    expect(directives).to.include('img-src');
  });
});
