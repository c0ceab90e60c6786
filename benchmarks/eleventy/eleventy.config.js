// Eleventy baseline for benchmarks/run.sh: the corpus's plain-markdown copy (DIR-eleventy) with one Liquid layout.
// Run from this folder: npx @11ty/eleventy --config=eleventy.config.js --input=DIR-eleventy --output=OUT --quiet
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "base.liquid");
  return {
    // Bodies are plain markdown: do not run them through Liquid first (Hugo does not template content either).
    markdownTemplateEngine: false,
    dir: { includes: "_includes" },
  };
}
