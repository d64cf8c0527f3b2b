import { Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { LinkButton } from "../components/link-button";
import { Page } from "../components/page";
import { hasAnyRole, isFullySignedIn, useMe } from "../modules/identity/session-context";
import type { RouteAccess } from "./app-routes";
import { landingPath } from "./landing";

/** Where to go after signing in: `?next=` when it is a path on this site, else `fallback`. */
export function nextPath(search: string, fallback = "/account"): string {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}

/** Renders the scene when the visitor may see it; otherwise sends them to sign in, or explains the refusal. */
export function RouteGuard({ access, children }: { access: RouteAccess; children: ReactNode }) {
  const { me, status, hasSignedOut } = useMe();
  const location = useLocation();
  const { t } = useTranslation();

  if (access === "public") return children;
  if (status === "loading") {
    return (
      <div className="nc-center" aria-busy="true">
        <Spin description={t("a11y.loading")} />
      </div>
    );
  }
  if (access === "guest") {
    return isFullySignedIn(me) ? (
      <Navigate to={nextPath(location.search, landingPath(me))} replace />
    ) : (
      children
    );
  }
  if (!isFullySignedIn(me)) {
    if (hasSignedOut) return <Navigate to="/" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (access !== "signed-in" && !hasAnyRole(me, access.roles)) {
    return (
      <Page title={t("pages.forbidden.title")}>
        <Result
          status="403"
          subTitle={t("pages.forbidden.description")}
          extra={
            <LinkButton type="primary" to="/">
              {t("pages.notFound.home")}
            </LinkButton>
          }
        />
      </Page>
    );
  }
  return children;
}
