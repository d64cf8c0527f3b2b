import { parentPort } from "node:worker_threads";
import {
  analyzeJudgment,
  TEXT_FIELDS,
  type JudgmentInput,
  type TextField,
} from "../analysis/analyze-judgment";

// Worker side of AnalysisPool: segmentation is CPU-bound, so bulk loads spread it over threads.
parentPort?.on("message", (message: { batch: number; docs: JudgmentInput[]; fields?: TextField[] }) => {
  const analyzed = message.docs.map((doc) => analyzeJudgment(doc, undefined, message.fields ?? TEXT_FIELDS));
  parentPort?.postMessage({ batch: message.batch, analyzed });
});
