import { DownOutlined, IdcardOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LinkButton } from "../../components/link-button";
import { isFullySignedIn, useMe } from "../../modules/identity/session-context";
import { errorMessage } from "../../platform/error-messages";

/** Signs out, tells the user, and returns to the home page. */
export function useSignOut(): () => Promise<void> {
  const { signOut } = useMe();
  const { message } = App.useApp();
  const { t } = useTranslation(["common", "identity"]);
  const navigate = useNavigate();
  return async () => {
    try {
      await signOut();
      void message.success(t("identity:signIn.signedOut"));
    } catch (error) {
      void message.error(errorMessage(error));
    }
    await navigate("/");
  };
}

/** The header's account menu, or sign-in and registration buttons for visitors. */
export function UserMenu() {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();

  if (!isFullySignedIn(me)) {
    return (
      <Space size="small">
        <LinkButton type="text" to="/sign-in">
          {t("nav.signIn")}
        </LinkButton>
        <LinkButton type="primary" to="/register">
          {t("nav.register")}
        </LinkButton>
      </Space>
    );
  }
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "/account", icon: <UserOutlined />, label: t("nav.account") },
          { key: "/account/verification", icon: <IdcardOutlined />, label: t("nav.verification") },
          { type: "divider" },
          { key: "sign-out", icon: <LogoutOutlined />, label: t("nav.signOut") },
        ],
        onClick: ({ key }) => void (key === "sign-out" ? signOut() : navigate(key)),
      }}
    >
      <Button type="text" aria-label={`${t("a11y.userMenu")}: ${me.name}`}>
        <UserOutlined aria-hidden /> <span className="nc-user-name">{me.name}</span>{" "}
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
