// Stand-in for the "office-addin-manifest" package under jest (jest.config.js moduleNameMapper):
// office-addin-mock only needs its OfficeApp enum, and the real package pulls in ESM-only modules.
const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };
