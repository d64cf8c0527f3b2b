import type { ErrorDetail } from "@netcourt/shared";
import { Alert, Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../platform/api-client";
import { detailMessage, errorMessage } from "../platform/error-messages";

export interface ErrorAlertProps {
  /** The failure, or null/undefined when there is none (the live region stays in place). */
  error: unknown;
  /** Problems that name no form field, listed under the message. */
  details?: ErrorDetail[];
  /** Set when field problems were put on the form: the alert then asks to correct them. */
  hasFieldErrors?: boolean;
  /** Overrides the message (e.g. a friendlier text for a 404 on this page). */
  message?: string;
  onRetry?: () => void;
}

/**
 * Shows a failed call's translated message in an assertive live region, so screen readers announce
 * errors that arrive after the user acted.
 */
export function ErrorAlert({ error, details = [], hasFieldErrors, message, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const hasError = error !== null && error !== undefined;
  const requestId = error instanceof ApiError ? error.requestId : null;
  const onlyFields =
    hasFieldErrors && error instanceof ApiError && error.code === "validation_failed" && details.length === 0;
  return (
    <div aria-live="assertive" aria-atomic="true" className="nc-error-region">
      {hasError ? (
        <Alert
          type="error"
          showIcon
          title={onlyFields ? t("feedback.fieldProblems") : (message ?? errorMessage(error))}
          description={
            details.length > 0 || requestId ? (
              <>
                {details.length > 0 ? (
                  <ul className="nc-error-details">
                    {details.map((detail, index) => (
                      <li key={`${detail.path ?? ""}-${index}`}>{detailMessage(detail)}</li>
                    ))}
                  </ul>
                ) : null}
                {requestId ? (
                  <Typography.Text type="secondary" className="nc-request-id">
                    {t("feedback.requestId", { requestId })}
                  </Typography.Text>
                ) : null}
              </>
            ) : undefined
          }
          action={
            onRetry ? (
              <Button size="small" onClick={onRetry}>
                {t("actions.retry")}
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </div>
  );
}
