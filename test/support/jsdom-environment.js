/**
 * jsdom for pane component tests (`@jest-environment ./test/support/jsdom-environment.js`), plus the
 * Node globals the app layer and the store adapters use that jsdom lacks (TextEncoder, Web Crypto,
 * structuredClone, setImmediate).
 */
const { TestEnvironment } = require("jest-environment-jsdom");
const util = require("node:util");
const nodeCrypto = require("node:crypto");
const timers = require("node:timers");

class PaneEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    const g = this.global;
    g.TextEncoder = util.TextEncoder;
    g.TextDecoder = util.TextDecoder;
    if (!g.structuredClone) g.structuredClone = structuredClone;
    if (!g.setImmediate) g.setImmediate = timers.setImmediate;
    if (!g.clearImmediate) g.clearImmediate = timers.clearImmediate;
    Object.defineProperty(g, "crypto", { value: nodeCrypto.webcrypto, configurable: true });
  }
}

module.exports = PaneEnvironment;
