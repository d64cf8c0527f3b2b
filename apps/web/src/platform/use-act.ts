import { App } from "antd";
import { useCallback, useState } from "react";
import { errorMessage } from "./error-messages";

/**
 * Runs one act on a screen: shows the busy state on its button, says what happened (or the
 * translated error) and reloads the screen so the next step shows.
 */
export function useAct(onDone: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (key: string, action: () => Promise<unknown>, success: string): Promise<boolean> => {
      setBusy(key);
      try {
        await action();
        void message.success(success);
        onDone();
        return true;
      } catch (error) {
        void message.error(errorMessage(error));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [message, onDone],
  );
  return { run, busy };
}
