import { LoginOutlined, UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { isFullySignedIn, useMe } from "../../modules/identity/session-context";
import { translateKey } from "../../platform/i18n";
import { useNavItems } from "./nav-items";

/**
 * The phone's bottom bar: the visitor's main services (public services for visitors; filing, cases
 * and the inbox for litigants; the court's work for staff) and "Me" (the account, or sign-in).
 */
export function TabBar() {
  const { t } = useTranslation();
  const { me } = useMe();
  const { tabs } = useNavItems();
  const isSignedIn = isFullySignedIn(me);
  return (
    <nav className="nc-tabbar" aria-label={t("a11y.mobileNavigation")}>
      {tabs.map((item) => (
        <NavLink key={item.path} to={item.path} end={item.path === "/"} className="nc-tab">
          <span className="nc-tab-icon" aria-hidden>
            {item.icon}
          </span>
          <span className="nc-tab-label">{translateKey(item.tabLabel ?? item.label)}</span>
        </NavLink>
      ))}
      <NavLink to={isSignedIn ? "/account" : "/sign-in"} className="nc-tab">
        <span className="nc-tab-icon" aria-hidden>
          {isSignedIn ? <UserOutlined /> : <LoginOutlined />}
        </span>
        <span className="nc-tab-label">{isSignedIn ? t("nav.me") : t("nav.signIn")}</span>
      </NavLink>
    </nav>
  );
}
