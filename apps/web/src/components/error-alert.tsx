import type { ErrorDetail } from "@netcourt/shared";
import { Alert, Button, Typography } from "antd";
import { useState } from "react";
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
 * The request id of a failed call: it means nothing to a litigant but lets court staff find the call in
 * the log, so it stays folded behind "Details" until someone asks for it.
 */
function RequestReference({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div className="nc-request-id">
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
      >
        {isOpen ? t("feedback.hideDetails") : t("feedback.showDetails")}
      </Button>
      {isOpen ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("feedback.requestIdHelp")}
          <br />
          <Typography.Text type="secondary" copyable={{ text: requestId }}>
            {t("feedback.requestId", { requestId })}
          </Typography.Text>
        </Typography.Paragraph>
      ) : null}
    </div>
  );
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
                {requestId ? <RequestReference key={requestId} requestId={requestId} /> : null}
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
