export { recordAct, type ActMessage, type ActRecord } from "./record-act";
