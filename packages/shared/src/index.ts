export * from "./errors/index";
export * from "./locale";
