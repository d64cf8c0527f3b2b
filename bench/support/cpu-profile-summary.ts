import fs from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Environment that makes a spawned server write a CPU profile into `dir` when it exits. */
export function cpuProfileEnv(dir: string): Record<string, string> {
  return {
    NODE_OPTIONS: `--import ${path.join(import.meta.dirname, "cpu-profile.mjs")}`,
    CPU_PROFILE_DIR: path.resolve(dir),
  };
}

/** Prints a process's self time by file and by function from the .cpuprofile files in `dir`. */
export async function summariseProfiles(dir: string, top = 15): Promise<void> {
  for (const file of (await fs.readdir(dir).catch(() => [])).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as { nodes: ProfileNode[] };
    const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
    const byFile = new Map<string, number>();
    const byFunction = new Map<string, number>();
    for (const n of profile.nodes) {
      const hits = n.hitCount ?? 0;
      const where = n.callFrame.url
        .replace(/^file:\/\//, "")
        .replace(process.cwd(), "")
        .replace(/.*node_modules\//, "nm:");
      const fileKey = where.startsWith("nm:")
        ? where.split("/").slice(0, 2).join("/")
        : where || n.callFrame.functionName;
      byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + hits);
      const fn = `${n.callFrame.functionName || "(anonymous)"} ${where}:${n.callFrame.lineNumber + 1}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
    }
    const best = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
    console.log(
      `CPU profile ${file} (${total} samples)\nby file:\n${best(byFile).join("\n")}\nby function:\n${best(byFunction).join("\n")}`,
    );
  }
}
