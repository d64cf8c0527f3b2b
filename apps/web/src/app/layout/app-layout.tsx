import { LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { Alert, Button, Drawer, Grid, Layout, Progress, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from "react-router";
import { isFullySignedIn, useMe } from "../../modules/identity/session-context";
import { LanguageSwitch } from "./language-switch";
import { NavMenu } from "./nav-menu";
import { TabBar } from "./tab-bar";
import { UserMenu, useSignOut } from "./user-menu";

function Brand({ inverse = false }: { inverse?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className={inverse ? "nc-brand nc-brand-inverse" : "nc-brand"}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span className="nc-brand-text">
        <span className="nc-brand-name">{t("brand")}</span>
        <span className="nc-brand-sub">{t("appName")}</span>
      </span>
    </Link>
  );
}

/**
 * The frame of every screen. Wide screens get a side menu and a header with language and account;
 * phones (below 768 px) get a header with a drawer menu and a bottom tab bar, the "mobile micro court".
 */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined; assume a phone, the narrower layout.
  const isDesktop = screens.md === true;
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const { me, status, refresh } = useMe();
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const signOut = useSignOut();

  useEffect(() => setDrawerOpen(false), [pathname, isDesktop]);

  return (
    <Layout className={isDesktop ? "nc-shell nc-desktop" : "nc-shell nc-mobile"}>
      <a className="nc-skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      {isDesktop ? (
        <Layout.Sider width={240} className="nc-sider">
          <Brand inverse />
          <nav aria-label={t("a11y.mainNavigation")}>
            <NavMenu />
          </nav>
        </Layout.Sider>
      ) : null}
      <Layout>
        <Layout.Header className="nc-header">
          {isDesktop ? null : (
            <>
              <Button
                type="text"
                icon={<MenuOutlined aria-hidden />}
                aria-label={t("a11y.openMenu")}
                aria-expanded={isDrawerOpen}
                aria-controls="nc-nav-drawer"
                onClick={() => setDrawerOpen(true)}
              />
              <Brand />
            </>
          )}
          <div className="nc-header-spacer" />
          <LanguageSwitch compact={!isDesktop} />
          {isDesktop ? <UserMenu /> : null}
        </Layout.Header>
        <div className="nc-progress" aria-live="polite">
          {navigation.state === "loading" ? (
            <Progress
              percent={100}
              status="active"
              showInfo={false}
              size="small"
              aria-label={t("a11y.loading")}
            />
          ) : null}
        </div>
        {status === "unreachable" ? (
          <Alert
            banner
            type="warning"
            title={t("clientErrors.network_unreachable")}
            action={
              <Button size="small" onClick={() => void refresh()}>
                {t("actions.retry")}
              </Button>
            }
          />
        ) : null}
        {/* Not Layout.Content, which is itself a <main>: one main landmark per page. */}
        <main id="main" tabIndex={-1} className="nc-main">
          <Outlet />
        </main>
        <Layout.Footer className="nc-footer">
          <Typography.Paragraph type="secondary">{t("footer.notice")}</Typography.Paragraph>
          <Typography.Text type="secondary">{t("footer.openSource")}</Typography.Text>
        </Layout.Footer>
      </Layout>
      {isDesktop ? null : (
        <>
          <Drawer
            id="nc-nav-drawer"
            placement="left"
            open={isDrawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={280}
            title={<Brand inverse />}
            className="nc-drawer"
            closable={{ "aria-label": t("a11y.closeMenu") }}
          >
            <nav aria-label={t("a11y.mainNavigation")}>
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
            </nav>
            {isFullySignedIn(me) ? (
              // The padding is the wrapper's: a block button's own margin would push it out of the drawer.
              <div className="nc-drawer-footer">
                <Button
                  block
                  ghost
                  icon={<LogoutOutlined aria-hidden />}
                  className="nc-drawer-signout"
                  onClick={() => {
                    setDrawerOpen(false);
                    void signOut();
                  }}
                >
                  {t("nav.signOut")}
                </Button>
              </div>
            ) : null}
          </Drawer>
          <TabBar />
        </>
      )}
      <ScrollRestoration />
    </Layout>
  );
}
