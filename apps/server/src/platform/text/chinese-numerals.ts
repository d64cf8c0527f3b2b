// Chinese numerals live in the shared package: the web writes article numbers in English from them too.
export * from "@netcourt/shared/chinese-numerals";
