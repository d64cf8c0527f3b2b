// Type-aware lint for the whole repository (STYLE.md: no floating promises, exhaustive switches, no any).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import path from "node:path";

/**
 * STYLE.md: a module is imported by other modules only through its index.ts. This rule resolves each
 * relative import and reports one that enters another module's folder at any other file.
 */
const moduleBoundaries = {
  meta: { type: "problem", schema: [] },
  create(context) {
    const file = context.filename;
    const marker = `${path.sep}apps${path.sep}server${path.sep}src${path.sep}modules${path.sep}`;
    const own = file.includes(marker) ? file.split(marker)[1].split(path.sep)[0] : null;
    return {
      "ImportDeclaration, ImportExpression, ExportNamedDeclaration, ExportAllDeclaration"(node) {
        const source = node.source && node.source.type === "Literal" ? node.source.value : null;
        if (typeof source !== "string" || !source.startsWith(".")) return;
        const target = path.resolve(path.dirname(file), source);
        if (!target.includes(marker)) return;
        const [module, ...rest] = target.split(marker)[1].split(path.sep);
        if (module === own || rest.length === 0) return;
        const inner = rest.join("/");
        if (inner === "index" || inner === "index.ts") return;
        // The platform's schema joins every module's table types.
        if (own === null && /\.tables$/.test(inner)) return;
        // The command line loads each module's subcommand lazily.
        if (own === null && /\.cli$/.test(inner)) return;
        context.report({ node, message: `Import module "${module}" only through its index.ts (STYLE.md).` });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "data/**",
      "artifacts/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { netcourt: { rules: { "module-boundaries": moduleBoundaries } } },
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/require-await": "off",
      "netcourt/module-boundaries": "error",
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
