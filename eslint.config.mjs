// ESLint flat config: typescript-eslint's recommended rules over the whole program.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/**", "bin/**", "**/dist/**", "policies/*/node_modules/**", "**/*.js", "**/*.mjs"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
            // Pulumi programs create resources for their side effects (registration).
            "no-new": "off",
            // Components hand `this` to their building blocks as every child's parent.
            "@typescript-eslint/no-this-alias": "off",
        },
    },
);
