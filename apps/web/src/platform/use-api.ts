import type { ErrorDetail } from "@netcourt/shared";
import type { FormInstance } from "antd";
import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";
import { applyFieldErrors } from "./error-messages";

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  /** Loads again (after a change, or to retry). */
  reload: () => void;
}

/** Loads data when `deps` change; cancels the previous load so a late answer never overwrites a newer one. */
export function useApiQuery<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): QueryState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; isLoading: boolean }>({
    data: undefined,
    error: undefined,
    isLoading: true,
  });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, isLoading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, isLoading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error, isLoading: false }));
      },
    );
    return () => controller.abort();
  }, [...deps, version]); // the caller names the dependencies of `load`

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}

export interface SubmitState<A extends unknown[], R> {
  /** Runs the action; resolves with its result, or undefined when it failed (the error is in `error`). */
  submit: (...args: A) => Promise<R | undefined>;
  isSubmitting: boolean;
  /** The failure to show above the form (null when every problem sits on a field). */
  error: unknown;
  /** Field problems that name no field of the form. */
  otherDetails: ErrorDetail[];
  clearError: () => void;
}

/**
 * Wraps a form's action: tracks submission, puts field problems on the form's fields and keeps the
 * rest as `error` for an alert.
 */
export function useSubmit<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  form?: FormInstance,
  /** The catalog namespace whose `checks.<field>.<reason>` messages explain field problems. */
  namespace?: string,
): SubmitState<A, R> {
  const [isSubmitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [otherDetails, setOtherDetails] = useState<ErrorDetail[]>([]);
  const actionRef = useRef(action);
  actionRef.current = action;

  const submit = useCallback(
    async (...args: A) => {
      setSubmitting(true);
      setError(null);
      setOtherDetails([]);
      try {
        return await actionRef.current(...args);
      } catch (failure) {
        const unmatched = form ? applyFieldErrors(form, failure, namespace) : [];
        setOtherDetails(unmatched);
        setError(failure);
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [form, namespace],
  );
  const clearError = useCallback(() => setError(null), []);
  return { submit, isSubmitting, error, otherDetails, clearError };
}
