// jsdom for rendered pane tests, with the Node globals jsdom leaves out that the app's modules use at
// load time (TextEncoder/TextDecoder in fontkit and the CSV writers, structuredClone, Web Crypto).
const { TestEnvironment } = require("jest-environment-jsdom");
const util = require("node:util");
const { webcrypto } = require("node:crypto");

class PaneEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    const g = this.global;
    g.TextEncoder ??= util.TextEncoder;
    g.TextDecoder ??= util.TextDecoder;
    g.structuredClone ??= globalThis.structuredClone;
    g.setImmediate ??= globalThis.setImmediate;
    g.clearImmediate ??= globalThis.clearImmediate;
    if (!g.crypto?.subtle) Object.defineProperty(g, "crypto", { value: webcrypto, configurable: true });
  }
}

module.exports = PaneEnvironment;
