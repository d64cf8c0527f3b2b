import type { Challenge, Solution } from "altcha-lib";
import { isApiError } from "../../platform/api-client";

/** The challenge a `challenge_required` error carries, if it is one. */
export function challengeOf(error: unknown): Challenge | null {
  if (!isApiError(error, "challenge_required")) return null;
  const challenge = error.details[0]?.params?.challenge;
  return typeof challenge === "object" && challenge !== null && "parameters" in challenge
    ? (challenge as Challenge)
    : null;
}

/** The header value the server reads a solved challenge from: base64 of `{ challenge, solution }`. */
export function encodeSolution(challenge: Challenge, solution: Solution): string {
  const json = JSON.stringify({ challenge, solution });
  const bytes = new TextEncoder().encode(json);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Solves a proof-of-work challenge in a Web Worker (Web Crypto PBKDF2); resolves with the header value. */
export function solveInBrowser(challenge: Challenge): Promise<string> {
  const worker = new Worker(new URL("./proof-of-work.worker.ts", import.meta.url), { type: "module" });
  return new Promise<string>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ solution?: Solution | null; error?: string }>) => {
      worker.terminate();
      if (event.data.solution) resolve(encodeSolution(challenge, event.data.solution));
      else reject(new Error(event.data.error ?? "challenge not solved"));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(challenge);
  });
}
