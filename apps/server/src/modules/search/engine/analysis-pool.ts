import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AnalyzedJudgment, JudgmentInput, TextField } from "../analysis/analyze-judgment";
import { getLegalSegmenter } from "../analysis/segmenter";

/**
 * Analyzes judgments on worker threads (jieba segmentation dominates indexing time). Results
 * come back in submission order per batch; feed them to `JudgmentIndex.addAnalyzed`.
 */
export class AnalysisPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (docs: AnalyzedJudgment[]) => void; reject: (error: Error) => void }
  >();
  private nextBatch = 0;
  private nextWorker = 0;

  constructor(threads = Math.max(1, availableParallelism())) {
    // Workers do not inherit the TypeScript loader: register it before importing the worker module.
    const loader = import.meta.resolve("tsx/esm/api");
    const target = new URL("./analysis-worker.ts", import.meta.url).href;
    const source = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    // The segmenter's dictionary is compiled once, here, and shared with the workers.
    const workerData = { segmenterTables: getLegalSegmenter().sharedTables };
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(source, { eval: true, workerData });
      worker.on("message", (message: { batch: number; analyzed: AnalyzedJudgment[] }) => {
        const waiter = this.pending.get(message.batch);
        this.pending.delete(message.batch);
        waiter?.resolve(message.analyzed);
      });
      worker.on("error", (error) => {
        for (const waiter of this.pending.values()) waiter.reject(error);
        this.pending.clear();
      });
      return worker;
    });
  }

  /** Analyzes one batch on the next worker (round robin); pass the index's `indexedFields`. */
  analyze(docs: JudgmentInput[], fields?: readonly TextField[]): Promise<AnalyzedJudgment[]> {
    const batch = this.nextBatch++;
    const worker = this.workers[this.nextWorker++ % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.pending.set(batch, { resolve, reject });
      worker.postMessage({ batch, docs, fields });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
