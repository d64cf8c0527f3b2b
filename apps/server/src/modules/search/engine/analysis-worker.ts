import { parentPort, workerData } from "node:worker_threads";
import {
  analyzeJudgment,
  TEXT_FIELDS,
  type AnalyzedJudgment,
  type JudgmentInput,
  type TextField,
} from "../analysis/analyze-judgment";
import { useLegalSegmenterTables, type SegmenterTables } from "../analysis/segmenter";
import { encodeFeatures, encodeStored } from "./segment";

const { segmenterTables } = workerData as { segmenterTables?: SegmenterTables };
if (segmenterTables) useLegalSegmenterTables(segmenterTables);

// Worker side of AnalysisPool: segmentation is CPU-bound, so bulk loads spread it over threads.
// Dictionary words come back as word ids in transferred buffers (no string per word is made,
// cloned or hashed again on the thread that builds segments).
// Features and stored text are encoded here and their buffers transferred; the stored text itself
// is not sent back (the segment only keeps the encoded form).
parentPort?.on("message", (message: { batch: number; docs: JudgmentInput[]; fields?: TextField[] }) => {
  const transfer: ArrayBuffer[] = [];
  const analyzed = message.docs.map((doc): AnalyzedJudgment => {
    const result = analyzeJudgment(doc, undefined, message.fields ?? TEXT_FIELDS, { wordIds: true });
    for (const field of TEXT_FIELDS) {
      const words = result.fields[field].words;
      if (words && words.length > 0) transfer.push(words.buffer as ArrayBuffer);
    }
    // Own, exact-size buffers (Node pools small ones), so each can be transferred.
    const features = new Uint8Array(encodeFeatures(result.features));
    const stored = encodeStored(result.stored);
    transfer.push(features.buffer, stored.buffer as ArrayBuffer);
    return {
      ...result,
      stored: { title: "", facts: "", reasoning: "", outcome: "" },
      encoded: { features, stored },
    };
  });
  parentPort?.postMessage({ batch: message.batch, analyzed }, transfer);
});
