/**
 * jsdom for the pane's component tests, plus the Node globals the app layer and the store use and
 * jsdom lacks (TextEncoder/Decoder, Web Crypto for SHA-256, structuredClone, timers' setImmediate).
 * Use with the docblock `@jest-environment ./test/support/jsdom-env.js`.
 */
const { TestEnvironment } = require("jest-environment-jsdom");
const util = require("node:util");
const timers = require("node:timers");
const { webcrypto } = require("node:crypto");

class PaneEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    const g = this.global;
    g.TextEncoder = util.TextEncoder;
    g.TextDecoder = util.TextDecoder;
    if (!g.crypto || !g.crypto.subtle) Object.defineProperty(g, "crypto", { value: webcrypto, configurable: true });
    if (!g.structuredClone) g.structuredClone = structuredClone;
    if (!g.setImmediate) g.setImmediate = timers.setImmediate;
    if (!g.clearImmediate) g.clearImmediate = timers.clearImmediate;
  }
}

module.exports = PaneEnvironment;
