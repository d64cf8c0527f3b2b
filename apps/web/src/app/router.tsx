import { Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, isRouteErrorResponse, useRouteError, type RouteObject } from "react-router";
import { LinkButton } from "../components/link-button";
import { Page } from "../components/page";
import type { AppRoute } from "./app-routes";
import { AppLayout } from "./layout/app-layout";
import { appRoutes } from "./route-table";
import { RouteGuard } from "./route-guard";

function NotFoundScene() {
  const { t } = useTranslation();
  return (
    <Page title={t("pages.notFound.title")}>
      <Result
        status="404"
        subTitle={t("pages.notFound.description")}
        extra={
          <LinkButton type="primary" to="/">
            {t("pages.notFound.home")}
          </LinkButton>
        }
      />
    </Page>
  );
}

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundScene />;
  return (
    <Result
      status="error"
      title={<h1 className="nc-result-title">{t("pages.crashed.title")}</h1>}
      subTitle={t("pages.crashed.description")}
      extra={
        <LinkButton type="primary" to="/">
          {t("pages.notFound.home")}
        </LinkButton>
      }
    />
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="nc-center" aria-busy="true">
      <Spin description={t("a11y.loading")} />
    </div>
  );
}

function toRouteObject(route: AppRoute): RouteObject {
  return {
    path: route.path,
    lazy: async () => {
      const Scene = await route.scene();
      return {
        Component: () => (
          <RouteGuard access={route.access}>
            <Scene />
          </RouteGuard>
        ),
      };
    },
  };
}

/** The browser router: the layout around every module's screens, and a 404 for the rest. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      Component: AppLayout,
      HydrateFallback: Loading,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [...appRoutes.map(toRouteObject), { path: "*", Component: NotFoundScene }],
        },
      ],
    },
  ]);
}
