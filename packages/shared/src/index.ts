export * from "./errors/index";
export * from "./locale";
export * from "./format";
