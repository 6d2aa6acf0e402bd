module.exports = "font.ttf";
