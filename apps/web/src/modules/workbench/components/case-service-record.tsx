import type { CaseDetail } from "../../cases/cases.api";
import { CaseServices } from "../../delivery/components/case-services";
import { OtherServiceActions, serviceClerkRoles } from "../../delivery/components/other-service-dialogs";
import type { ServiceStatus } from "../../delivery/delivery.api";

/** Service is complete: nothing is left to record (民事诉讼法第九十条: other ways only until then). */
const completeStatuses: ReadonlySet<ServiceStatus> = new Set([
  "served",
  "served_by_post",
  "served_by_notice",
]);

/**
 * The staff case page's "送达 / Service" card: every service record of the case — document, addressee,
 * address basis, channels tried and their outcome, the times, how and when service completed, the period
 * it opened, the 送达回证 — and, for the court's clerk, court post or a public notice for a service not yet
 * complete (民事诉讼法第八十七条: the clerk keeps the record of service). `onChanged` reloads the case, whose
 * periods a completed service opens.
 */
export function CaseServiceRecord({ detail, onChanged }: { detail: CaseDetail; onChanged?: () => void }) {
  const isClerk = detail.myRoles.some((role) => (serviceClerkRoles as readonly string[]).includes(role));
  return (
    <CaseServices
      caseId={detail.id}
      deadlines={detail.deadlines}
      actions={
        isClerk
          ? (service, reload) =>
              completeStatuses.has(service.status) ? null : (
                <OtherServiceActions
                  service={service}
                  onDone={() => {
                    reload();
                    onChanged?.();
                  }}
                />
              )
          : undefined
      }
    />
  );
}
