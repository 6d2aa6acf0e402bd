// webpack for the Excel add-in: React task pane + custom functions + ribbon commands in ONE shared-runtime
// page (taskpane.html). Merges OfficeDev's Office-Addin-TaskPane-React and Excel-Custom-Functions-Shared
// templates. Targets modern webviews (Edge WebView2, WebKit, evergreen browsers): no polyfills.
//
//   npx webpack --mode production      build dist/ offline (no dev certificates touched)
//   npx webpack serve --mode development   https dev server on :3000 with office-addin-dev-certs
//
// Env: ADDIN_PROD_URL=https://billing.example.com/  rewrites https://localhost:3000/ in the copied manifest
// (production builds only).
//
// The browser preview ("try it without Excel": dist/preview.html, src/preview/) is built into dist/ by
// default; a deployment build with ADDIN_PROD_URL leaves it out, and `--env nopreview` / `--env preview`
// force either way. Serve it with `node src/preview/serve.cjs` (npm run preview).
//
// iconv-lite (src/io/table/decode.ts) needs Node's Buffer: the `buffer` package stands in for it in the
// browser and in the parsing Web Worker (ProvidePlugin + resolve.fallback).
"use strict";

const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";

/** Production base URL from ADDIN_PROD_URL (https, with a trailing slash), or undefined. */
function productionUrl() {
  const raw = (process.env.ADDIN_PROD_URL || "").trim();
  if (!raw) return undefined;
  if (!/^https:\/\/[^\s/]+/i.test(raw)) {
    throw new Error(`ADDIN_PROD_URL must be an https URL, got "${raw}"`);
  }
  return raw.endsWith("/") ? raw : `${raw}/`;
}

/**
 * Where the add-in page may connect (its CSP's connect-src): its own origin and, for the team server,
 * any HTTPS origin — the clerk types the server's address in *Verbindung*. An administrator who builds
 * the add-in for one team pins it: ADDIN_TEAM_SERVERS="https://billing.example.com" (several separated
 * by spaces or commas; https origins only).
 */
function connectSources() {
  const raw = (process.env.ADDIN_TEAM_SERVERS || "").trim();
  if (!raw) return "'self' https:";
  const origins = raw.split(/[\s,]+/).filter(Boolean).map((o) => {
    let url;
    try {
      url = new URL(o);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== "https:" || url.origin !== o.replace(/\/$/, "")) throw new Error(`ADDIN_TEAM_SERVERS: "${o}" is not an https origin (https://host[:port], no path)`);
    return url.origin;
  });
  return ["'self'", ...origins].join(" ");
}

/** Dev-server certificates; only called for `webpack serve` (may install a CA, needs sudo on Linux). */
async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const mode = options.mode || "production";
  const dev = mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const prodUrl = dev ? undefined : productionUrl();
  const withPreview = !env.nopreview && (Boolean(env.preview) || !prodUrl);

  /** Chunks of the single shared-runtime page, in load order. */
  const pageChunks = ["react", "pane", "taskpane", "functions", "commands"];

  const config = {
    mode,
    devtool: "source-map",
    target: "web",
    entry: {
      react: ["react", "react-dom", "react-dom/client"],
      // The pane's components (shared by the add-in page and the preview, so they are bundled once).
      pane: { import: "./src/taskpane/components/TaskpaneRoot.tsx", dependOn: "react" },
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: ["react", "pane"] },
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      ...(withPreview ? { preview: { import: "./src/preview/index.tsx", dependOn: ["react", "pane"] } } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      // url: only @oozcitak/url (under xmlbuilder2, the pain.008 writer) asks for it, for domainToASCII, which XML output never calls.
      // fs, path, child_process, tmp-promise: @e-invoice-eu/core (the pane's e-invoice ZIP, a lazy chunk) imports
      // them for its LibreOffice conversion only, and @e965/xlsx for its spreadsheet mapping only; we call neither.
      fallback: { buffer: require.resolve("buffer/"), url: false, fs: false, path: false, child_process: false },
      alias: { "tmp-promise": false, "@e965/xlsx": false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig.json has noEmit for type checking; the loader must emit. Type-check with `tsc --noEmit`.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg|ttf|woff|woff2)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      // One webpack runtime for all entries on the page, so pane, functions and commands share module
      // instances (one store, one in-memory index) as the shared runtime intends.
      runtimeChunk: "single",
    },
    // @e-invoice-eu/core hands `require` to its Web Crypto lookup, which takes window.crypto.subtle in a browser first.
    ignoreWarnings: [{ module: /@e-invoice-eu[\\/]core/, message: /Critical dependency: require function/ }],
    performance: {
      // Fluent UI + React make a ~1 MB page; the add-in loads from its own origin and is cached.
      maxEntrypointSize: 3_000_000,
      maxAssetSize: 3_000_000,
    },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // German descriptions: a second metadata file, chosen by the manifest's bt:Override per locale.
      new CustomFunctionsMetadataPlugin({
        output: "functions-de.json",
        input: "./src/functions/functions.de.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { connectSrc: connectSources() },
        chunks: pageChunks,
        chunksSortMode: "manual",
      }),
      ...(withPreview
        ? [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./src/preview/preview.html",
              chunks: ["react", "pane", "preview"],
              chunksSortMode: "manual",
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (!prodUrl) return content;
              return content.toString().split(DEV_URL).join(prodUrl).replace(/https:\/\/localhost:3000(?=<)/g, prodUrl.replace(/\/$/, ""));
            },
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: {
        // functions.json must be readable cross-origin (Excel on the web).
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        // Only `webpack serve` asks for dev certificates; `webpack build` never does (CI has no sudo).
        options: serving ? (options.https !== undefined ? options.https : await getHttpsOptions()) : undefined,
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };

  return config;
};
